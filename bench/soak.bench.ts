// `npm run bench -- soak`: memory of a long `serve` under steady load. The real CLI serves a scenario
// in a child process (with --export-usage, as a long run would); this process sends ~500 req/s
// (JSON and streamed, inputs varied so the cache does not answer) and samples the child's RSS. Once
// the usage log holds its retention limit (10,000 records, reached after ~20 s), RSS must stay flat.
// The short version runs in the normal bench; `npm run bench -- soak-10m` runs 10 minutes, sampling each minute.
// Diagnosis (env, off by default): SOAK_SECONDS=N overrides the duration; SOAK_HEAP_SNAPSHOTS=<dir>
// writes a heap snapshot of the child there at the end of the run (`--heapsnapshot-signal`); SOAK_TRACE_GC=1
// passes --trace-gc (on the child's stdout, after the address line); SOAK_BIN=<path to bin/gateway-sim.js>
// serves another build (a before/after: alternate the two on a shared machine).
import { type ChildProcess, spawn } from "node:child_process";
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type HeapSummary, summariseHeapSnapshot } from "./heap-snapshot-summary.js";
import { type BenchLine, fmt, printSection } from "./stats.js";

const SCENARIO = `
name: soak
seed: 11
catalog: default
providers:
  - { id: openai, latency: 15ms, ttft: 10ms, throughput: 4000 }
  - { id: openai-eu, latency: 15ms, ttft: 10ms, throughput: 4000 }
traffic: { requests: [] }
expectations: []
`;

export interface SoakOptions {
  durationS: number;
  sampleEveryS: number;
  /** Target request rate (the clients pace themselves to it). */
  rate: number;
  /**
   * The child's V8 old-space cap (MB). A served run whose live memory grew without bound would die
   * of it within the run (every later request an error); one that holds steady does not.
   */
  heapCapMb: number;
}

export interface SoakBench {
  options: SoakOptions;
  /** `exportMb`: the export file's size then, beside `answered` requests (a growing gap is output buffered in the child). */
  samples: { atS: number; rssMb: number; requests: number; answered: number; exportMb: number; heap: HeapFigures | undefined }[];
  requests: number;
  errors: number;
  /** Each kind of error (an HTTP status, a client-side failure) and how often it came. */
  errorKinds: Record<string, number>;
  /** The node flags the child ran with, from the bin's shebang (as a user's `gateway-sim serve`). */
  childFlags: string[];
  /** The child's exit code if it died during the run (out of memory under the heap cap), else null. */
  diedWith: number | null;
  achievedRate: number;
  exportLines: number;
  exportMb: number;
  /** With SOAK_HEAP_SNAPSHOTS: what the child retained at the end. */
  heapSnapshot?: HeapSummary & { path: string };
}

/** What soak-memory-probe.cjs reports each second (bytes). */
interface HeapFigures {
  heapUsed: number;
  heapTotal: number;
  external: number;
  spaces: Record<string, { size: number; used: number }>;
}

/** Reports the child's V8 heap on fd 3 each second (a preload: nothing in src knows about it). */
const HEAP_PROBE = fileURLToPath(new URL("./soak-memory-probe.cjs", import.meta.url));

/** The node flags of the bin's `#!/usr/bin/env -S node …` line: a user's `gateway-sim serve` runs with them (the young generation's size among them). */
function shebangFlags(bin: string): string[] {
  const first = readFileSync(bin, "utf8").split("\n", 1)[0] ?? "";
  return (
    /^#!.*\bnode\b(.*)$/
      .exec(first)?.[1]
      ?.trim()
      .split(/\s+/)
      .filter((flag) => flag.startsWith("--")) ?? []
  );
}

/** Signals the child (run with --heapsnapshot-signal) and waits until its snapshot file is complete. */
async function heapSnapshot(child: ChildProcess, dir: string): Promise<string> {
  const before = new Set(readdirSync(dir));
  child.kill("SIGUSR2");
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const written = readdirSync(dir).find((name) => !before.has(name) && name.endsWith(".heapsnapshot"));
    // V8 writes the file in one go; a size that holds still for a poll means it is done.
    if (written !== undefined) {
      const size = statSync(join(dir, written)).size;
      await new Promise((r) => setTimeout(r, 1000));
      if (size > 0 && statSync(join(dir, written)).size === size) return join(dir, written);
    }
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? "0");
  return kb / 1024;
}

export async function benchSoak(asked: SoakOptions): Promise<SoakBench> {
  const seconds = process.env.SOAK_SECONDS === undefined ? asked.durationS : Number(process.env.SOAK_SECONDS);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`SOAK_SECONDS must be a positive number of seconds, got ${process.env.SOAK_SECONDS}`);
  const options = { ...asked, durationS: seconds };
  const dir = mkdtempSync(join(tmpdir(), "gateway-sim-soak-"));
  const file = join(dir, "soak.yaml");
  const exportFile = join(dir, "usage.jsonl");
  writeFileSync(file, SCENARIO);
  const bin = process.env.SOAK_BIN ?? join(process.cwd(), "bin", "gateway-sim.js");
  const snapshotDir = process.env.SOAK_HEAP_SNAPSHOTS;
  const diagnose = [...(snapshotDir ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${snapshotDir}`] : []), ...(process.env.SOAK_TRACE_GC === "1" ? ["--trace-gc"] : [])];
  const args = [
    ...shebangFlags(bin),
    `--max-old-space-size=${options.heapCapMb}`,
    ...diagnose,
    "--require",
    HEAP_PROBE,
    bin,
    "serve",
    file,
    "--port",
    "0",
    "--grace",
    "2s",
    "--export-usage",
    exportFile,
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit", "pipe"] });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    if (out.length < 10_000) out += chunk.toString();
    else if (process.env.SOAK_TRACE_GC === "1") process.stderr.write(chunk);
  });
  let heap: HeapFigures | undefined;
  let heapText = "";
  child.stdio[3]?.on("data", (chunk: Buffer) => {
    heapText += chunk.toString();
    const lines = heapText.split("\n");
    heapText = lines.pop() ?? "";
    const last = lines.at(-1);
    if (last) heap = JSON.parse(last) as HeapFigures;
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        const match = /gateway {2}(http:\/\/127\.0\.0\.1:\d+)\/v1\/responses/.exec(out);
        if (match?.[1]) {
          clearInterval(poll);
          resolve(match[1]);
        }
      }, 20);
      child.once("exit", () => {
        clearInterval(poll);
        reject(new Error(`serve exited:\n${out}`));
      });
    });
    const started = performance.now();
    const endAt = started + options.durationS * 1000;
    let requests = 0;
    let errors = 0;
    let answered = 0;
    const errorKinds = new Map<string, number>();
    const failed = (kind: string): void => {
      errors++;
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    };
    let next = started;
    const gap = 1000 / options.rate;
    // Each client takes the next send slot, so the whole pool sends at `rate` however long answers take.
    const clientLoop = async (): Promise<void> => {
      for (;;) {
        // Slots are taken in order; a server slower than `rate` falls behind, and the run still ends on time.
        const slot = Math.max(next, performance.now() - gap * 64);
        next = slot + gap;
        if (slot >= endAt || performance.now() >= endAt) return;
        const wait = slot - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const k = requests++;
        const stream = k % 5 === 0;
        try {
          const response = await fetch(`${url}/v1/responses`, {
            method: "POST",
            headers: { authorization: "Bearer YOUR_API_KEY", "content-type": "application/json" },
            body: JSON.stringify({ model: "openai/gpt-5.4-nano", input: `Soak request ${k}: list three action items.`, stream }),
          });
          await response.text();
          answered++;
          if (response.status !== 200) failed(`HTTP ${response.status}`);
        } catch (error) {
          failed(error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error));
        }
      }
    };
    const sample = (): SoakBench["samples"][number] => ({
      atS: Math.round((performance.now() - started) / 1000),
      rssMb: rssMb(child.pid ?? 0),
      requests,
      answered,
      exportMb: statSync(exportFile).size / 1e6,
      heap,
    });
    const samples: SoakBench["samples"] = [sample()];
    const sampler = setInterval(() => {
      samples.push(sample());
    }, options.sampleEveryS * 1000);
    await Promise.all(Array.from({ length: 64 }, clientLoop));
    clearInterval(sampler);
    samples.push(sample());
    const achievedRate = requests / ((performance.now() - started) / 1000);
    const diedWith = child.exitCode;
    const snapshot = snapshotDir && diedWith === null ? await heapSnapshot(child, snapshotDir) : undefined;
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    const exported = { exportLines: await countLines(exportFile), exportMb: statSync(exportFile).size / 1e6 };
    return {
      options,
      childFlags: shebangFlags(bin),
      samples,
      requests,
      errors,
      errorKinds: Object.fromEntries(errorKinds),
      diedWith,
      achievedRate,
      ...exported,
      ...(snapshot ? { heapSnapshot: { path: snapshot, ...summariseHeapSnapshot(snapshot) } } : {}),
    };
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Newlines in a file of any size (a ten-minute soak exports more than a string can hold), read in chunks. */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
  }
  return lines;
}

export function printSoakBench(b: SoakBench): void {
  const { durationS, rate, heapCapMb } = b.options;
  printSection(`Long serve: RSS under ${rate} req/s for ${durationS} s (child process ${[...b.childFlags, `--max-old-space-size=${heapCapMb}`].join(" ")}, --export-usage)`, [
    ...b.samples.map((s) => ({
      name: `RSS at ${s.atS} s (${s.requests.toLocaleString("en-US")} requests sent)`,
      value: `${fmt(s.rssMb)} MB`,
      note: [
        ...(s.heap ? [`V8 heap used ${fmt(s.heap.heapUsed / 1e6)} of ${fmt(s.heap.heapTotal / 1e6)} MB, external ${fmt(s.heap.external / 1e6)} MB`] : []),
        `${s.answered.toLocaleString("en-US")} answered, export ${fmt(s.exportMb)} MB`,
      ].join("; "),
    })),
    {
      name: "requests sent / errors",
      value: `${b.requests.toLocaleString("en-US")} / ${b.errors}`,
      ...(b.errors > 0
        ? {
            note: Object.entries(b.errorKinds)
              .map(([kind, n]) => `${n}× ${kind}`)
              .join(", "),
          }
        : {}),
    },
    { name: "serve process", value: b.diedWith === null ? "alive at the end" : `died (exit ${b.diedWith})` },
    { name: "achieved rate", value: `${fmt(b.achievedRate)} req/s` },
    {
      name: "usage records exported",
      value: `${b.exportLines.toLocaleString("en-US")} (${fmt(b.exportMb)} MB)`,
      note: b.exportLines === b.requests ? "one per request sent" : "NOT one per request sent",
    },
    ...(b.heapSnapshot ? heapLines(b.heapSnapshot) : []),
  ]);
}

/** The largest Maps are, in order of size, the usage log, the live page's journal and the response cache. */
function heapLines(h: HeapSummary & { path: string }): BenchLine[] {
  return [
    { name: "heap snapshot at the end: live heap", value: `${fmt(h.heapMb)} MB`, note: h.path },
    ...h.maps.map((m, i) => ({
      name: `  Map #${i + 1} by retained size`,
      value: `${fmt(m.mb)} MB`,
      note: `${m.entries.toLocaleString("en-US")} entries, ${m.bytesPerEntry.toLocaleString("en-US")} B each`,
    })),
    { name: "  WeakRefs / hidden classes", value: `${h.weakRefs.toLocaleString("en-US")} / ${fmt(h.hiddenClassMb)} MB` },
  ];
}
