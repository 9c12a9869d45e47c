// `run --shard i/n`: a deterministic share of the suite for CI machine i of n. A file's shard comes
// from a hash of its path relative to the folder it was found under (the suite root), so it is the
// same on every machine and adding a file never moves another one.
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { InvalidArgumentError } from "commander";
import { displayPath } from "../scenarios/load/find-scenario-files.js";

export interface Shard {
  /** 1-based, as written on the command line. */
  index: number;
  count: number;
}

/**
 * @example
 * parseShard("2/3"); // { index: 2, count: 3 }
 * parseShard("4/3"); // throws: commander reports it against --shard
 */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError(`expected i/n with 1 ≤ i ≤ n (e.g. --shard 1/3), got "${value}"`);
  }
  return { index, count };
}

/** Which of `count` shards (0-based) a key falls in: the first 4 bytes of its SHA-256. */
export function shardOf(key: string, count: number): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) % count;
}

/**
 * The key a file is sharded by: its path under the folder argument it was found in, else its path
 * as shown in reports (a file named on the command line).
 *
 * @example
 * shardKey("scenarios/incidents/a.yaml", ["scenarios"], cwd); // "incidents/a.yaml"
 */
export function shardKey(file: string, paths: readonly string[], cwd: string): string {
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(resolve(cwd, path)).isDirectory();
    } catch {
      continue;
    }
    const root = displayPath(path, cwd).replace(/\/+$/, "");
    if (isDir && root === ".") return file;
    if (isDir && file.startsWith(`${root}/`)) return file.slice(root.length + 1);
  }
  return file;
}

/**
 * @example
 * selectShard(files, ["scenarios"], process.cwd(), { index: 1, count: 3 });
 */
export function selectShard(files: readonly string[], paths: readonly string[], cwd: string, shard: Shard): string[] {
  return files.filter((file) => shardOf(shardKey(file, paths, cwd), shard.count) === shard.index - 1);
}
