// The one-line command printed under each failure, which reruns just that case.

/** Quotes a shell argument only when it needs it. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(arg)) return arg;
  if (!/["$`\\!]/.test(arg)) return `"${arg}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * @example
 * reproduceCommand({ file: "scenarios/x.yaml", only: "cheapest", seed: "42" });
 * // npx gateway-sim run scenarios/x.yaml --only cheapest --seed 42
 */
export function reproduceCommand(options: { file: string; only?: string; seed: string; singleRun?: boolean; extra?: string[] }): string {
  const parts = ["npx", "gateway-sim", "run", shellQuote(options.file)];
  if (options.only !== undefined) parts.push("--only", shellQuote(options.only));
  parts.push("--seed", shellQuote(options.seed));
  if (options.singleRun) parts.push("--runs", "1");
  parts.push(...(options.extra ?? []));
  return parts.join(" ");
}
