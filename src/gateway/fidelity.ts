// One switch between the reference gateway's code at the pin (`reference`, the default) and its
// documented intent (`documented`). Each rule that differs has its own optional setting; when a
// scenario leaves that setting out, the rule follows `settings.fidelity`.

/** Which gateway gateway-sim simulates: the code at the pinned commit, or what its documentation says. */
export const FIDELITY_MODES = ["reference", "documented"] as const;
export type Fidelity = (typeof FIDELITY_MODES)[number];

/**
 * The value of one per-rule setting: the explicit one when given, else the side `fidelity` picks.
 *
 * @example
 * // `settings.breaker.openFromTraffic` unset: a breaker that can open only under `documented`.
 * const opens = byFidelity(settings.breaker.openFromTraffic, settings.fidelity, { reference: false, documented: true });
 */
export function byFidelity<T>(explicit: T | undefined, fidelity: Fidelity, sides: { reference: T; documented: T }): T {
  return explicit !== undefined ? explicit : sides[fidelity];
}
