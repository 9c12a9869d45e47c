// `npm run fuzz [-- --seed N --mutations N --runs N --bodies N --http N]`: the properties of
// test/fuzz.test.ts with a large budget, printing the figures: mutations tried, outcomes by kind,
// crashes and hangs (a mutant's validate or run that takes longer than the time bound).
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { runCli } from "../src/cli/program.js";
import { createServerApp } from "../src/server/create-server-app.js";
import { startServer } from "../src/server/start-server.js";
import { captureIo } from "./support/capture-io.js";
import { answerBody, classifyJson, requestBodyArbitrary } from "./support/fuzz-requests.js";
import { mutate, mutationArbitrary, scenarioWorkspace, validateMutant } from "./support/fuzz-scenarios.js";
import { realGateway } from "./support/real-gateway.js";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1414" },
    mutations: { type: "string", default: "2000" },
    runs: { type: "string", default: "60" },
    bodies: { type: "string", default: "5000" },
    http: { type: "string", default: "500" },
    "time-bound": { type: "string", default: "30" },
  },
});
const seed = Number(values.seed);
const boundMs = Number(values["time-bound"]) * 1000;
const count = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
const show = (map: Map<string, number>): string =>
  [...map]
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
const failures: string[] = [];

async function timed<T>(work: Promise<T>): Promise<{ value: T | "hang"; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<"hang">((resolve) => (timer = setTimeout(() => resolve("hang"), boundMs)));
  const value = await Promise.race([work, hang]);
  clearTimeout(timer);
  return { value, ms: performance.now() - started };
}

// 1. Mutated example scenarios: validate every mutant; run a sample of the valid ones.
const workspace = scenarioWorkspace();
const mutants = fc.sample(mutationArbitrary(workspace.files.length), { seed, numRuns: Number(values.mutations) });
const validated = new Map<string, number>();
const ran = new Map<string, number>();
let slowestValidateMs = 0;
let slowestRunMs = 0;
const runBudget = Number(values.runs);
for (const [i, m] of mutants.entries()) {
  const text = mutate(workspace.texts[m.file] as string, m);
  const { value, ms } = await timed(validateMutant(workspace, m.file, text));
  slowestValidateMs = Math.max(slowestValidateMs, ms);
  const outcome = value === "hang" ? "hang" : value.outcome;
  count(validated, outcome);
  if (outcome !== "valid" && outcome !== "invalid-located") failures.push(`mutant ${i} (${m.kind} in ${workspace.files[m.file]}): ${outcome}\n${value === "hang" ? "" : value.output.slice(0, 800)}`);
  // Every k-th valid mutant is run too (a run takes ~100x a validate); exit 0/1 expected, 2 for
  // a problem only a run sees; 3 is a crash.
  if (value !== "hang" && value.outcome === "valid" && [...ran.values()].reduce((a, b) => a + b, 0) < runBudget && i % 3 === 0) {
    const io = captureIo();
    const run = await timed(runCli(["run", value.file, "--no-progress", "--runs", "1"], io));
    slowestRunMs = Math.max(slowestRunMs, run.ms);
    const code = run.value === "hang" ? "hang" : `exit ${run.value}`;
    count(ran, code);
    if (code === "hang" || code === "exit 3") failures.push(`run of mutant ${i}: ${code}\n${io.out().slice(-800)}`);
  }
}
rmSync(workspace.root, { recursive: true, force: true });

// 2. Request bodies in-process: outcomes, and one usage record per generation id.
const gateway = realGateway({ seed: `fuzz-${seed}`, fetch: "fakes" });
const bodies = fc.sample(requestBodyArbitrary, { seed, numRuns: Number(values.bodies) });
const answered = new Map<string, number>();
const ids: string[] = [];
for (const body of bodies) {
  const { value } = await timed(answerBody(gateway, body));
  if (value === "hang") {
    count(answered, "hang");
    continue;
  }
  count(answered, value.outcome);
  if (value.id !== undefined) ids.push(value.id);
  if (!["2xx", "4xx", "upstream_5xx"].includes(value.outcome)) failures.push(`body ${JSON.stringify(body)?.slice(0, 300)}: ${value.outcome} ${value.detail}`);
}
const usageMatches = gateway.usage.total === ids.length && new Set(ids).size === ids.length && ids.every((id) => gateway.usage.get(id) !== undefined);
if (!usageMatches) failures.push(`usage log: ${gateway.usage.total} records for ${ids.length} generation ids`);

// 3. Body texts over real HTTP.
const server = await startServer(createServerApp({ gateway: realGateway({ seed: `fuzz-http-${seed}`, fetch: "fakes" }), apiKeys: ["k"] }), { port: 0 });
const texts = fc.sample(
  fc.oneof(
    requestBodyArbitrary.map((b) => {
      try {
        return JSON.stringify(b) ?? "";
      } catch {
        return "[".repeat(9_000);
      }
    }),
    fc.string({ maxLength: 80 }),
  ),
  { seed, numRuns: Number(values.http) },
);
const overHttp = new Map<string, number>();
for (const body of texts) {
  const response = await fetch(`${server.url}/v1/responses`, { method: "POST", headers: { authorization: "Bearer k" }, body });
  const answer: unknown = response.headers.get("content-type")?.startsWith("text/event-stream") ? await response.text().then(() => ({})) : await response.json();
  const { outcome, detail } = classifyJson(response.status, answer);
  count(overHttp, outcome);
  if (!["2xx", "4xx", "upstream_5xx"].includes(outcome)) failures.push(`HTTP body ${body.slice(0, 200)}: ${outcome} ${detail}`);
}
await server.close();

const crashes = (validated.get("crash") ?? 0) + (ran.get("exit 3") ?? 0) + (answered.get("server_error") ?? 0) + (overHttp.get("server_error") ?? 0);
const hangs = (validated.get("hang") ?? 0) + (ran.get("hang") ?? 0) + (answered.get("hang") ?? 0);
console.log(`gateway-sim fuzz — seed ${seed}, time bound ${boundMs / 1000} s per case`);
console.log(`scenario mutations tried: ${mutants.length} (${show(validated)}); slowest validate ${Math.round(slowestValidateMs)} ms`);
console.log(`valid mutants run: ${[...ran.values()].reduce((a, b) => a + b, 0)} (${show(ran)}); slowest run ${Math.round(slowestRunMs)} ms`);
console.log(`request bodies in-process: ${bodies.length} (${show(answered)}); usage records ${gateway.usage.total} for ${ids.length} generation ids`);
console.log(`request bodies over HTTP: ${texts.length} (${show(overHttp)})`);
console.log(`crashes: ${crashes}, hangs: ${hangs}, property failures: ${failures.length}`);
for (const failure of failures.slice(0, 10)) console.log(`\n${failure}`);
process.exitCode = failures.length === 0 ? 0 : 1;
