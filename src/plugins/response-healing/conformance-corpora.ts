// Reads the healing corpora (test/fixtures/corpora in the repository; see its README.md for sources).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** `test/fixtures/corpora` of the repository (a development tool: the corpora are not in the npm package). */
export const DEFAULT_CORPORA_DIR = fileURLToPath(new URL("../../../test/fixtures/corpora/", import.meta.url));

const benchRowSchema = z.looseObject({
  id: z.string(),
  draft: z.string(),
  schema: z.record(z.string(), z.unknown()),
  valid: z.array(z.unknown()),
  invalid: z.array(z.unknown()),
});
export type BenchRow = z.infer<typeof benchRowSchema>;

const repairRowSchema = z.looseObject({
  id: z.string(),
  input: z.string(),
  expected: z.string().optional(),
  expect: z.enum(["ok", "error"]),
});
export type RepairRow = z.infer<typeof repairRowSchema>;

/**
 * Reads `jsonschemabench-500.jsonl`.
 *
 * @example
 * const rows = readBenchRows(DEFAULT_CORPORA_DIR);
 */
export function readBenchRows(dir: string): BenchRow[] {
  return readJsonl(join(dir, "jsonschemabench-500.jsonl"), benchRowSchema);
}

/** Reads `jsonrepair-cases.jsonl`. */
export function readRepairRows(dir: string): RepairRow[] {
  return readJsonl(join(dir, "jsonrepair-cases.jsonl"), repairRowSchema);
}

function readJsonl<S extends z.ZodType>(file: string, schema: S): z.output<S>[] {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  return lines.map((line, index) => {
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    return parsed.data;
  });
}
