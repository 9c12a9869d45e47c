// How expected and actual values are printed in failure messages: short, unambiguous, stable.
import { formatDuration } from "../../core/duration.js";

/** `[a, b]`, `null`, `"x"` → `x`, objects as compact JSON. */
export function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  if (value === null) return "null";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (typeof value === "number") return formatNumber(value);
  return JSON.stringify(value);
}

/** Up to 6 significant digits, no exponent for ordinary magnitudes. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}

/** A share as a percentage: 0.1234 → "12.34%". */
export function formatRate(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`;
}

/** USD with enough digits for per-request costs. */
export function formatUsd(usd: number): string {
  return `$${Number(usd.toPrecision(4))}`;
}

/** A run offset as a scenario file would write it: 0 → "0s", 125000 → "125s", 120000 → "2m". */
export function formatOffset(ms: number): string {
  return ms === 0 ? "0s" : formatDuration(ms);
}

/** Code-point order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A length of time for summaries: "850ms", "12.4s", "5m9s", "2h11m53s".
 *
 * @example
 * formatSpan(7_913_317); // "2h11m53s"
 */
export function formatSpan(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h > 0 ? `${h}h` : ""}${h > 0 || m > 0 ? `${m}m` : ""}${s > 0 ? `${s}s` : ""}`;
}
