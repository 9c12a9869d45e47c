// The correlation marker: how a call reaching a fake is tied to the client request that caused it,
// through any gateway. Headers may be dropped on the way, message text is not, so the client puts a
// short marker in the text (and a header, when one survives) and the fakes strip it before reading.

/** The header a client may also send; used when the text carries no marker. */
export const CORRELATION_HEADER = "x-gateway-sim-request";

/** Ids are short and JSON-safe, so the marker survives any re-encoding of the body unchanged. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The marker with the one space the client puts before it. */
const MARKER = / ?\[gsim:([A-Za-z0-9_-]{1,64})\]/;
const FAST_CHECK = "[gsim:";

/**
 * The marker text for a request id.
 *
 * @example
 * correlationMarker("r17"); // "[gsim:r17]"
 */
export function correlationMarker(id: string): string {
  if (!ID.test(id)) throw new RangeError(`correlation id "${id}" must be 1-64 letters, digits, - or _`);
  return `[gsim:${id}]`;
}

/**
 * Finds the first marker in a raw request body and removes every marker, so the fake answers (and
 * counts tokens for) exactly the text the scenario wrote.
 *
 * @example
 * stripCorrelation('{"content":"Hello [gsim:r3]"}'); // { text: '{"content":"Hello"}', id: "r3" }
 */
export function stripCorrelation(text: string): { text: string; id: string | undefined } {
  if (!text.includes(FAST_CHECK)) return { text, id: undefined };
  const id = MARKER.exec(text)?.[1];
  return { text: text.replace(new RegExp(MARKER.source, "g"), ""), id };
}

/** The id a header carries, when it is a valid one. */
export function correlationFromHeader(headers: Headers): string | undefined {
  const value = headers.get(CORRELATION_HEADER)?.trim();
  return value !== undefined && ID.test(value) ? value : undefined;
}
