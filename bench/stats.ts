// Small statistics and formatting helpers for the benchmarks (wall-clock timing lives only in bench/).

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] as number;
}

/** Microseconds since `start` (from process.hrtime.bigint()). */
export function elapsedUs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1000;
}

export function fmt(value: number, digits = 1): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export interface BenchLine {
  name: string;
  value: string;
  note?: string;
}

export function printSection(title: string, lines: readonly BenchLine[]): void {
  console.log(`\n## ${title}`);
  const width = Math.max(...lines.map((l) => l.name.length));
  for (const line of lines) console.log(`  ${line.name.padEnd(width)}  ${line.value}${line.note ? `   (${line.note})` : ""}`);
}
