// A worker thread of `run --workers N`: runs the seeds it is sent, one at a time, and posts back
// each seed's run (plain data, structured-cloned) or the error that stopped it.
import { parentPort } from "node:worker_threads";
import { seedTaskRunner } from "./run-seed-task.js";
import type { SeedMessage, SeedTask } from "./seed-task.js";

const runTask = seedTaskRunner();
const post = (message: SeedMessage): void => parentPort?.postMessage(message);

parentPort?.on("message", (task: SeedTask) => {
  void runTask(task, post).then(post);
});
