// `npm run bench`: every gateway-sim benchmark in one run, figures and ratios printed together.
// Wall-clock figures on a shared 2-core machine are noisy: compare ratios within one run.
import os from "node:os";
import { compareGateway, comparePipeline } from "./compare.js";
import { benchFakes, printFakesBench } from "./fakes.bench.js";
import { benchGateway, printGatewayBench } from "./gateway.bench.js";
import { benchHeal } from "./heal.bench.js";
import { benchHttp, printHttpBench } from "./http.bench.js";
import { benchHttpSplit, printHttpSplit } from "./http-split.bench.js";
import { benchMemory, printMemoryBench } from "./pipeline-memory.js";
import { benchPipelineSim, printPipelineSimBench } from "./pipeline-sim.bench.js";
import { benchReplayLive, printReplayLiveBench } from "./replay-live.bench.js";
import { benchSoak, printSoakBench } from "./soak.bench.js";
import { benchStartup, printStartupBench } from "./startup.bench.js";
import { benchSuiteWorkers, printSuiteWorkersBench } from "./suite-workers.bench.js";
import { benchValidate, printValidateBench } from "./validate.bench.js";
import { fmt, printSection } from "./stats.js";

// `--compare <rev> [--rounds N]`: the gateway bench (or, with `pipeline`, the full simulation) of that
// revision and of this worktree, alternated (bench/compare.ts).
const args = process.argv.slice(2);
const compareAt = args.indexOf("--compare");
const roundsAt = args.indexOf("--rounds");
const compareRev = compareAt >= 0 ? args[compareAt + 1] : undefined;
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
// `replay-live --burners N` (or REPLAY_BURNERS=N): CPU-bound processes beside the live serve runs.
const burnersAt = args.indexOf("--burners");
const burners = Number(burnersAt >= 0 ? args[burnersAt + 1] : (process.env.REPLAY_BURNERS ?? 0));
/** The values of `--compare`, `--rounds` and `--burners` are not section names (an absent flag's index is -1: no value to skip). */
const flagValues = new Set([compareAt, roundsAt, burnersAt].filter((at) => at >= 0).map((at) => at + 1));
const only = args.filter((arg, i) => !arg.startsWith("--") && !flagValues.has(i));
/** Sections that take minutes run only when named. */
const OPT_IN = new Set(["soak-10m", "replay-live", "http-split"]);
const wanted = (name: string): boolean => (only.length === 0 && !OPT_IN.has(name)) || only.includes(name);

const flags = process.execArgv.filter((arg) => arg.startsWith("--max"));
console.log(`gateway-sim bench — node ${process.version} ${flags.join(" ") || "(default heap)"}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown cpu"}`);

if (compareAt >= 0) {
  if (compareRev === undefined || !Number.isInteger(rounds) || rounds < 1) throw new Error("usage: npm run bench -- gateway|pipeline --compare <git-rev> [--rounds N]");
  if (only.includes("pipeline")) await comparePipeline(compareRev, rounds);
  else await compareGateway(compareRev, rounds);
} else if (wanted("gateway")) printGatewayBench(await benchGateway());
if (wanted("http")) printHttpBench(await benchHttp());
if (wanted("http-split")) printHttpSplit(await benchHttpSplit());
if (wanted("heal")) {
  const heal = await benchHeal();
  printSection(`Structured output and cache (median of ${heal.iterations})`, [
    { name: "heal: valid JSON (parse, validate, compact)", value: `${fmt(heal.directParseUs)} µs` },
    { name: "heal: safe mode, fenced + trailing comma", value: `${fmt(heal.safeHealUs)} µs` },
    { name: "heal: extended mode, quotes + enum case", value: `${fmt(heal.extendedHealUs)} µs` },
    { name: "cache store get() hit", value: `${fmt(heal.cacheHitUs)} µs` },
  ]);
}
if (wanted("fakes")) printFakesBench(await benchFakes());
if (wanted("pipeline") && compareAt < 0) printPipelineSimBench(await benchPipelineSim());
if (wanted("validate")) printValidateBench(await benchValidate());
if (wanted("soak")) printSoakBench(await benchSoak({ durationS: 40, sampleEveryS: 5, rate: 500, heapCapMb: 384 }));
if (wanted("soak-10m")) printSoakBench(await benchSoak({ durationS: 600, sampleEveryS: 60, rate: 500, heapCapMb: 384 }));
if (wanted("startup")) printStartupBench(benchStartup());
if (wanted("memory")) printMemoryBench(await benchMemory());
if (wanted("suite")) printSuiteWorkersBench(await benchSuiteWorkers());
if (wanted("replay-live")) {
  if (!Number.isInteger(burners) || burners < 0) throw new Error("usage: npm run bench -- replay-live [--burners N]");
  const speeds = process.env.REPLAY_SPEEDS?.split(",").map(Number);
  printReplayLiveBench(await benchReplayLive({ burners, ...(speeds ? { speeds } : {}) }));
}
console.log(
  "\nSections: gateway http heal fakes pipeline validate soak startup memory suite; opt-in: soak-10m replay-live http-split (pass names to run a subset, e.g. `npm run bench -- http`; `-- gateway --compare <git-rev>` or `-- pipeline --compare <git-rev>` for a before/after).",
);
