// `npm run bench -- validate`: `gateway-sim validate` of a 5 MB scenario with 60,000 explicit
// requests (issue 14: it took 12 s and 0.9 GB; the aim is ≤ 2 s). The file is generated in a temp folder.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateCommand } from "../src/cli/commands/validate-command.js";
import type { CliIo } from "../src/cli/io.js";
import { fmt, printSection } from "./stats.js";

/** A valid scenario of `count` explicit requests, each a few lines of YAML (~85 bytes per request). */
export function bigScenarioText(count: number): string {
  const lines = ["name: big", "seed: 1", "catalog: default", "providers:", "  - id: openai", "traffic:", "  requests:"];
  for (let i = 0; i < count; i++) {
    lines.push(`    - name: r${i}`, `      at: ${i}ms`, `      body: { model: openai/gpt-5.4-nano, input: Hi }`);
  }
  lines.push("expectations:", "  - name: the first request is answered", "    request: r0", "    http_status: 200");
  return `${lines.join("\n")}\n`;
}

export interface ValidateBench {
  bytes: number;
  requests: number;
  exitCode: number;
  wallMs: number;
  rssMb: number;
}

export async function benchValidate(requests = 60_000): Promise<ValidateBench> {
  const dir = mkdtempSync(join(tmpdir(), "gateway-sim-validate-"));
  try {
    const text = bigScenarioText(requests);
    const file = join(dir, "big.yaml");
    writeFileSync(file, text);
    let out = "";
    const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, cwd: process.cwd(), env: {} };
    const started = performance.now();
    const exitCode = validateCommand([file], io);
    const wallMs = performance.now() - started;
    if (exitCode !== 0) console.error(out.slice(0, 2_000));
    return { bytes: Buffer.byteLength(text), requests, exitCode, wallMs, rssMb: process.memoryUsage().rss / 1e6 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printValidateBench(b: ValidateBench): void {
  printSection("validate of a large scenario file", [
    { name: `validate: ${fmt(b.bytes / 1e6)} MB, ${b.requests} explicit requests (exit ${b.exitCode})`, value: `${fmt(b.wallMs)} ms` },
    { name: "validate: process RSS after", value: `${fmt(b.rssMb)} MB` },
  ]);
}
