#!/usr/bin/env bash
# The consumer smoke test: gateway-sim as a team installs it. npm pack → install the tarball into a
# fresh project in a temporary folder (no ../shared, no repository beside it) → npx gateway-sim init
# → run → a TypeScript file importing "gateway-sim" and a vitest file importing "gateway-sim/vitest"
# type-check with the consumer's own tsc (default libs, skipLibCheck false), then run under plain
# node and under vitest. Twice: with @types/node installed by the consumer, and without it (then
# Node's types arrive only through gateway-sim's own dependency on @types/express).
# typescript and vitest come from the npm registry at the versions this repository locks.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version_of() { node -p "require('$repo/node_modules/$1/package.json').version"; }

cd "$repo"
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "consumer-smoke: packed $tarball"

consumer() {
  local name="$1" with_types_node="$2"
  local dir="$work/$name"
  mkdir -p "$dir" && cd "$dir"
  npm init -y >/dev/null
  npm pkg set type=module >/dev/null
  local deps=("$work/$tarball" "typescript@$(version_of typescript)" "vitest@$(version_of vitest)")
  if [ "$with_types_node" = yes ]; then deps+=("@types/node@$(version_of @types/node)"); fi
  npm install --no-audit --no-fund --loglevel=error "${deps[@]}" >/dev/null

  npx --no-install gateway-sim init . | tee init.log
  grep -q '^next: npx gateway-sim run scenarios/$' init.log
  grep -q 'schema=../node_modules/gateway-sim/schema/scenario.schema.json' scenarios/release-summary.yaml
  npx --no-install gateway-sim run scenarios/ --reporter json --output run.json --no-progress
  npx --no-install gateway-sim validate scenarios/

  cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "es2022",
    "module": "nodenext",
    "strict": true,
    "skipLibCheck": false,
    "resolveJsonModule": true,
    "outDir": "out"
  },
  "include": ["src"]
}
JSON
  mkdir -p src
  cat > src/consumer.ts <<'TS'
// A team's own code against the public entry only.
import { readFileSync } from "node:fs";
import {
  createFakeFleet, createGateway, createPresetStore, createRandomFactory, jsonReportSchema, loadDefaultCatalog,
  profilesFromCatalog, renderJsonReport, runSuite, VirtualClock, type GatewayResponse, type UsageRecord,
} from "gateway-sim";
import scenarioSchema from "gateway-sim/schema.json" with { type: "json" };

const catalog = loadDefaultCatalog();
if (!catalog.ok) throw new Error("the built-in catalog does not load");
const clock = new VirtualClock();
const fleet = createFakeFleet({ seed: "42", clock, profiles: profilesFromCatalog(catalog.value, { latency: "300ms" }) });
const gateway = createGateway({ fetch: fleet.fetch, clock, random: createRandomFactory("42"), catalog: catalog.value, presets: createPresetStore([]) });
const response: GatewayResponse = await clock.run(() =>
  gateway.respond({ model: "openai/gpt-5.4-nano", input: "Extract the action items.", provider: { only: ["openai", "openai-eu"], sort: "price" } }),
);
if (response.kind !== "json" || response.status !== 200) throw new Error(`expected a 200 JSON answer, got ${response.status}`);
const record: UsageRecord = response.record;
const { report, timing } = await runSuite(["scenarios/release-summary.yaml"], { snapshots: "none" });
jsonReportSchema.parse(JSON.parse(renderJsonReport(report, timing)));
jsonReportSchema.parse(JSON.parse(readFileSync("run.json", "utf8")));
if (typeof scenarioSchema.title !== "string") throw new Error("gateway-sim/schema.json has no title");
console.log(`consumer: ${record.selected_provider} answered; suite ${report.summary.passed}/${report.summary.scenarios} passed`);
TS
  cat > src/scenarios.test.ts <<'TS'
// The starter suite as vitest tests, through the package's vitest helper.
import { defineScenarioTests } from "gateway-sim/vitest";
import type { ScenarioReport } from "gateway-sim";

const noReport: ScenarioReport | undefined = undefined;
void noReport;
defineScenarioTests("scenarios");
TS
  npx --no-install tsc -p tsconfig.json
  node out/consumer.js
  CI=true npx --no-install vitest run src/scenarios.test.ts
  cd "$repo"
}

consumer with-types-node yes
consumer without-types-node no
echo "consumer-smoke: passed (tarball $(du -k "$work/$tarball" | cut -f1) kB)"
