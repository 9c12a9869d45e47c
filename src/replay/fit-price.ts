// Recovers an offer's per-million-token prices from what the usage log billed: each answered
// request's cost is input tokens × input price + output tokens × output price. Prices drift (and
// scenarios override them), so the log, not today's catalog, says what routing compared.

/** One answered request: tokens billed and the cost logged for them (USD). */
export interface BilledRequest {
  input: number;
  output: number;
  costUsd: number;
}

export interface Price {
  /** USD per 1M input tokens. */
  input: number;
  /** USD per 1M output tokens. */
  output: number;
}

/**
 * The gateway rounds each part and the total to 1e-9 USD: a price explains a logged cost when it
 * lands within those three roundings of it.
 */
const COST_TOLERANCE_USD = 1.5e-9 + 1e-12;

/** Rounds to `digits` significant digits (0 stays 0). */
export function roundSignificant(n: number, digits: number): number {
  if (n === 0 || !Number.isFinite(n)) return n;
  return Number(n.toPrecision(digits));
}

/**
 * Whether `price` reproduces every logged cost.
 *
 * @example
 * explainsCosts({ input: 0.1, output: 0.4 }, [{ input: 100, output: 50, costUsd: 0.00003 }]); // true
 */
export function explainsCosts(price: Price, requests: readonly BilledRequest[]): boolean {
  return requests.every((r) => Math.abs((r.input * price.input + r.output * price.output) / 1e6 - r.costUsd) <= COST_TOLERANCE_USD);
}

/** Least squares over both prices; undefined when every request has the same input:output mix. */
function leastSquares(requests: readonly BilledRequest[]): Price | undefined {
  let xx = 0,
    xy = 0,
    yy = 0,
    xc = 0,
    yc = 0;
  for (const r of requests) {
    const c = r.costUsd * 1e6;
    xx += r.input * r.input;
    xy += r.input * r.output;
    yy += r.output * r.output;
    xc += r.input * c;
    yc += r.output * c;
  }
  const det = xx * yy - xy * xy;
  if (!(det > 1e-9 * xx * yy)) return undefined;
  return { input: Math.max(0, (xc * yy - yc * xy) / det), output: Math.max(0, (yc * xx - xc * xy) / det) };
}

/** One scale on a known input:output split (the catalog's), when the mix cannot separate them. */
function scaledSplit(requests: readonly BilledRequest[], split: Price): Price | undefined {
  let kk = 0,
    kc = 0;
  for (const r of requests) {
    const k = r.input * split.input + r.output * split.output;
    kk += k * k;
    kc += k * r.costUsd * 1e6;
  }
  if (!(kk > 0)) return undefined;
  const s = kc / kk;
  return { input: split.input * s, output: split.output * s };
}

/**
 * The prices behind the logged costs: `reference` (the catalog's) when it explains them all; else a
 * least-squares fit snapped to the fewest significant digits that still explains every cost (prices
 * are short decimals: 0.075, not 0.07500000012). `exact` is false when no snapped value explains
 * them (other meters, or usage the provider reported differently); the fit is then the best guess.
 *
 * @example
 * fitPrice([{ input: 10, output: 30, costUsd: 0.00000975 }, { input: 40, output: 20, costUsd: 0.000009 }]);
 * // { price: { input: 0.075, output: 0.3 }, exact: true }
 */
export function fitPrice(requests: readonly BilledRequest[], reference?: Price): { price: Price; exact: boolean } | undefined {
  if (requests.length === 0) return undefined;
  if (reference && explainsCosts(reference, requests)) return { price: reference, exact: true };
  const fit = leastSquares(requests) ?? (reference ? scaledSplit(requests, reference) : undefined);
  if (!fit) return undefined;
  for (let digits = 1; digits <= 9; digits++) {
    const snapped = { input: roundSignificant(fit.input, digits), output: roundSignificant(fit.output, digits) };
    if (explainsCosts(snapped, requests)) return { price: snapped, exact: true };
  }
  return { price: { input: roundSignificant(fit.input, 9), output: roundSignificant(fit.output, 9) }, exact: false };
}
