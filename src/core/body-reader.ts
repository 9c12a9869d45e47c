// Reads a fetch Response's body chunk by chunk: straight from the pushed body when the keep-alive
// fetch made the Response (src/core/streamed-body-response.ts), else through the web stream's reader.
// Both behave as a web stream's reader does: the same chunks, errors and cancel.
import { takeStreamedBody } from "./streamed-body-response.js";

export type BodyChunk = { done: false; value: Uint8Array } | { done: true; value?: undefined };

export interface BodyReader {
  read(): Promise<BodyChunk>;
  /** Stops reading; a body still arriving is stopped at its source, which stops its sender. */
  cancel(): void;
}

/**
 * A reader of the response's body, or null when it has none.
 *
 * @example
 * const reader = bodyReader(response);
 * for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parser.push(chunk.value);
 */
export function bodyReader(response: Response): BodyReader | null {
  const pushed = takeStreamedBody(response);
  if (pushed !== undefined) return pushed;
  const body = response.body;
  if (body === null) return null;
  const reader = body.getReader();
  return {
    read: () => reader.read() as Promise<BodyChunk>,
    cancel: () => void reader.cancel().catch(() => {}),
  };
}
