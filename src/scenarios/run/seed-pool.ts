// A pool running seeds: the runner's own thread and size - 1 worker threads (seed-worker), each
// running one task at a time; tasks queue until one is free. The worker module sits beside this file with this file's extension, so
// the pool works from .ts under tsx/vitest and from compiled .js in dist/ alike (startSeedWorker).
import { createRequire } from "node:module";
import { extname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { LoadedScenario } from "../load/loaded-scenario.js";
import type { SeedRun } from "./run-scenario.js";
import { seedTaskRunner } from "./run-seed-task.js";
import type { SeedMessage, SeedTask } from "./seed-task.js";

export interface SeedPool {
  /** Starts the worker threads now, not at the first tasks: their start-up overlaps the runner's planning. */
  warm(threads: number): void;
  run(task: Omit<SeedTask, "id">, onProgress?: (done: number, expected: number) => void): Promise<SeedRun>;
  close(): Promise<void>;
}

/** The young generation the CLI gives the main thread (--max-semi-space-size=32: 3 × 32 MB). */
const YOUNG_GENERATION_MB = 96;

interface Pending {
  task: SeedTask;
  resolve: (seed: SeedRun) => void;
  reject: (error: Error) => void;
  onProgress: ((done: number, expected: number) => void) | undefined;
}

/**
 * A worker running seed-worker, found beside this file with this file's extension. Compiled .js
 * loads directly. Under tsx or vitest (.ts), Node 20 workers take no `--import` loader, so the
 * worker starts from a one-line script that loads the module through tsx's `tsImport`.
 */
export function startSeedWorker(): Worker {
  const extension = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./seed-worker${extension}`, import.meta.url);
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  if (extension !== ".ts") return new Worker(url, { resourceLimits });
  const tsxApi = new URL("./esm/api/index.mjs", pathToFileURL(createRequire(import.meta.url).resolve("tsx"))).href;
  const script = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}));`;
  return new Worker(script, { eval: true, resourceLimits });
}

/** The pool's own thread, as a worker: it runs tasks in-process, one at a time. */
interface Local {
  busy: Pending | undefined;
}

/**
 * @example
 * const pool = createSeedPool(2); // this thread and one worker thread (optionally: the scenarios this thread has loaded, by file, read at the first local task)
 * pool.warm(2); // optional: start the worker thread before the first task
 * const seed = await pool.run({ file: "scenarios/order.yaml", index: 0, options: {} });
 * await pool.close();
 */
export function createSeedPool(size: number, preloaded?: ReadonlyMap<string, LoadedScenario>): SeedPool {
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  let workers = 0;
  let nextId = 0;
  const local: Local = { busy: undefined };
  // Made at the first local task: a pool warmed before planning gets the scenarios planning loads.
  let runLocally: ReturnType<typeof seedTaskRunner> | undefined;

  // The runner's thread takes a task whenever it is free: one module graph fewer to load than
  // `size` worker threads, and the thread would otherwise only wait.
  const dispatchLocal = (): void => {
    const pending = queue.shift();
    if (!pending) return;
    local.busy = pending;
    runLocally ??= seedTaskRunner(preloaded);
    void runLocally(pending.task, (m) => {
      if (m.type === "progress") pending.onProgress?.(m.done, m.expected);
    }).then((message) => {
      local.busy = undefined;
      if (message.type === "done") pending.resolve(message.seed);
      else if (message.type === "failed") pending.reject(new Error(message.message));
      dispatchLocal();
    });
  };

  const spawn = (): Worker => {
    workers++;
    const worker = startSeedWorker();
    worker.on("message", (message: SeedMessage) => {
      const pending = busy.get(worker);
      if (!pending || pending.task.id !== message.id) return;
      if (message.type === "progress") {
        pending.onProgress?.(message.done, message.expected);
        return;
      }
      busy.delete(worker);
      if (message.type === "done") pending.resolve(message.seed);
      else pending.reject(new Error(message.message));
      dispatch(worker);
    });
    const lost = (why: string): void => {
      workers--;
      const pending = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      pending?.reject(new Error(`worker thread ${why}`));
      if (queue.length > 0) dispatch(spawn());
    };
    worker.on("error", (error) => lost(`failed: ${error.message}`));
    worker.on("exit", (code) => {
      if (busy.has(worker) || idle.includes(worker)) lost(`exited with code ${code}`);
    });
    return worker;
  };

  const dispatch = (worker: Worker): void => {
    const pending = queue.shift();
    if (!pending) {
      idle.push(worker);
      return;
    }
    busy.set(worker, pending);
    worker.postMessage(pending.task);
  };

  return {
    warm(threads) {
      while (workers < Math.min(size, threads) - 1) dispatch(spawn());
    },
    run(task, onProgress) {
      return new Promise((resolve, reject) => {
        queue.push({ task: { ...task, id: nextId++ }, resolve, reject, onProgress });
        if (local.busy === undefined) {
          dispatchLocal();
          return;
        }
        const worker = idle.pop() ?? (workers < size - 1 ? spawn() : undefined);
        if (worker) dispatch(worker);
      });
    },
    async close() {
      const all = [...idle, ...busy.keys()];
      idle.length = 0;
      busy.clear();
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
