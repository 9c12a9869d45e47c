// What a fake answers, independent of transport: an HTTP response (JSON or a paced byte stream) or
// a network-level failure. Each transport renders it its own way (Response, msw, a real socket).

/** The parts of an HTTP request the fakes read; built from a fetch Request or an express request. */
export interface FakeHttpRequest {
  method: string;
  url: URL;
  headers: Headers;
  text(): Promise<string>;
  signal: AbortSignal | undefined;
}

/** Network failures: a refused or dropped connection, a reset, bytes that are not HTTP. */
export type NetworkFault = "connection_error" | "reset" | "garbage_then_close";

export type FakeOutcome = { kind: "response"; status: number; headers: Record<string, string>; body: string | ReadableStream<Uint8Array> } | { kind: "network_error"; fault: NetworkFault };

/** The error a stream body fails with when the fake drops the connection mid-stream (undici's wording). */
export class StreamDisconnectError extends TypeError {
  override name = "TypeError";
  constructor() {
    super("terminated", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) });
  }
}

/**
 * The TypeError fetch rejects with when a connection fails, with the system error as `cause`.
 *
 * @example
 * throw networkError("ECONNRESET", "read ECONNRESET");
 */
export function networkError(code: string, message: string): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
}

/** The fetch failure each network fault produces in-process. */
export function fetchFailureFor(fault: NetworkFault): TypeError {
  switch (fault) {
    case "connection_error":
      return networkError("ECONNREFUSED", "connect ECONNREFUSED");
    case "reset":
      return networkError("ECONNRESET", "read ECONNRESET");
    case "garbage_then_close":
      return networkError("HPE_INVALID_CONSTANT", "Expected HTTP/");
  }
}
