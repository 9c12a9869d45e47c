// Which requests an expectation looks at: by name or index, within a time window, or all.
import type { Expectation } from "../schema/expectations.js";
import { formatOffset } from "./format.js";
import type { RequestOutcome } from "./outcome.js";

/**
 * A predicate over outcomes for the expectation's `request` and `window`.
 *
 * @example
 * const pick = selector({ name: "x", request: "burst", window: { from: 60_000 } });
 * pick(outcome); // true for requests named "burst" sent at or after 1m
 */
export function selector(e: Pick<Expectation, "request" | "window">): (o: RequestOutcome) => boolean {
  const { request, window } = e;
  const from = window?.from ?? 0;
  const to = window?.to ?? Number.POSITIVE_INFINITY;
  return (o) => {
    if (typeof request === "number" && o.index !== request) return false;
    if (typeof request === "string" && o.name !== request) return false;
    return o.offsetMs >= from && o.offsetMs < to;
  };
}

/** "requests named \"x\" between 1m and 2m" — for "selected no request" messages. */
export function describeSelection(e: Pick<Expectation, "request" | "window">): string {
  const who = typeof e.request === "number" ? `request #${e.request}` : typeof e.request === "string" ? `requests named "${e.request}"` : "requests";
  if (!e.window) return who;
  const from = e.window.from !== undefined ? ` from ${formatOffset(e.window.from)}` : "";
  const to = e.window.to !== undefined ? ` until ${formatOffset(e.window.to)}` : "";
  return `${who}${from}${to}`;
}

/** `#3 "name" at 1m2s` — how a single request is named in messages. */
export function describeRequest(o: RequestOutcome): string {
  return `#${o.index}${o.name ? ` "${o.name}"` : ""} at ${formatOffset(o.offsetMs)} (${o.record.id})`;
}
