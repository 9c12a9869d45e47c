// A `fetch` over node:http(s) with a keep-alive agent. The global fetch (undici) reached ~430 req/s
// on one local connection on our machines against ~1,700/s for a keep-alive http agent, so the gateway
// uses this for real upstream HTTP. msw intercepts node:http too, so tests can still intercept it.
import http from "node:http";
import https from "node:https";
import { urlToHttpOptions } from "node:url";
import { type CancelLink, withLinkedFetch } from "./cancel-link.js";
import { nodeBodyResponse } from "./node-body-response.js";
import { textBodyResponse } from "./text-body-response.js";

export interface KeepAliveFetchOptions {
  /** Sockets per upstream host (default 64). */
  maxSockets?: number;
}

/**
 * A WHATWG-shaped `fetch` whose connections are pooled and kept alive.
 *
 * @example
 * const fetch = createKeepAliveFetch();
 * const res = await fetch("http://127.0.0.1:8080/v1/chat/completions", { method: "POST", body: "{}" });
 */
export function createKeepAliveFetch(options: KeepAliveFetchOptions = {}): typeof fetch {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64 };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  const targets = new TargetCache();

  /** Sends one request; `signal` or `link` (never both) cancels it. */
  function send(target: Target, method: string, headers: Record<string, string>, body: string | undefined, signal: AbortSignal | undefined, link: CancelLink | undefined): Promise<Response> {
    if (body !== undefined && headers["content-length"] === undefined) headers["content-length"] = String(Buffer.byteLength(body));

    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      if (link !== undefined && link.cancelReason !== undefined) return reject(link.cancelReason);
      const transport = target.https ? https : http;
      const { hostname, port, path, auth } = target.options;
      // No `protocol` (the agent's is the URL's) and `auth` only when the URL has one: node copies
      // these options into dictionaries twice per request, a key for each.
      const requestOptions: http.RequestOptions = { hostname, port, path, method, headers, agent: target.https ? httpsAgent : httpAgent };
      if (auth != null) requestOptions.auth = auth;
      const req = transport.request(requestOptions);
      const cancel = (reason: unknown): void => {
        req.destroy(reason instanceof Error ? reason : new Error("aborted"));
        reject(reason);
      };
      let onAbort: (() => void) | undefined;
      if (signal !== undefined) {
        const aborted = signal;
        onAbort = () => cancel(aborted.reason);
        signal.addEventListener("abort", onAbort, { once: true });
      }
      // A link needs no listener: one assignment, and it calls onCancel only while it is this one.
      if (link !== undefined) link.onCancel = cancel;
      const unlink = (): void => {
        if (onAbort !== undefined) signal?.removeEventListener("abort", onAbort);
        if (link !== undefined && link.onCancel === cancel) link.onCancel = undefined;
      };
      req.on("error", (error) => {
        unlink();
        reject(new TypeError("fetch failed", { cause: error }));
      });
      req.on("response", (res) => {
        const status = res.statusCode ?? 502;
        // A complete JSON answer is buffered and handed over as text (text()/json() read the string,
        // no web stream is built): converting a node stream to a web stream costs more than the whole
        // gateway pipeline. Event streams and unknown bodies stay streams.
        if ((res.headers["content-type"] ?? "").includes("application/json") && status !== 204 && status !== 304 && method !== "HEAD") {
          if (signal !== undefined) res.on("close", unlink);
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            // Read to the end: nothing left to cancel (a signal's listener goes at "close", just after).
            if (link !== undefined) unlink();
            const text = chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8");
            resolve(textBodyResponse(text, { status, headers: joinedHeaders(res.headers) }));
          });
          res.on("error", (error) => reject(new TypeError("fetch failed", { cause: error })));
          return;
        }
        // A linked body stays cancellable until its reader is done: the link's owner unlinks it then.
        if (signal !== undefined) res.on("close", unlink);
        const init = { status, statusText: res.statusMessage ?? "", headers: headerPairs(res.headers) };
        if (status === 204 || status === 304 || method === "HEAD") return resolve(new Response(null, init));
        // The stream pump reads the node body itself (src/core/body-reader.ts): no web stream is built.
        resolve(nodeBodyResponse(res, init));
      });
      req.end(body);
    });
  }

  async function keepAliveFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request ? input : undefined;
    const target = targets.of(request ? request.url : String(input));
    const method = init?.method ?? request?.method ?? "GET";
    const headers = headerRecord(init?.headers ?? request?.headers);
    const signal = init?.signal ?? request?.signal ?? undefined;
    const rawBody = init?.body ?? (request && request.body ? await request.text() : undefined);
    // A string body (every adapter sends one) is used as it is: no await, no extra turn per call.
    const body = typeof rawBody === "string" || rawBody === undefined ? rawBody : await bodyText(rawBody);
    return send(target, method, headers, body, signal, undefined);
  }

  // The gateway's own calls (src/providers/upstream-exchange.ts) come this way: no AbortSignal.
  return withLinkedFetch(keepAliveFetch, (url, init, link) => send(targets.of(url), init.method, headerRecord(init.headers), init.body, undefined, link));
}

interface Target {
  https: boolean;
  options: http.RequestOptions;
}

/**
 * The request options of each URL, parsed once: a gateway calls the same few provider URLs all the
 * time, and `new URL` plus node's own conversion of it cost microseconds per call.
 */
class TargetCache {
  static readonly #MAX = 256;
  readonly #targets = new Map<string, Target>();

  of(href: string): Target {
    let target = this.#targets.get(href);
    if (target === undefined) {
      const url = new URL(href);
      target = { https: url.protocol === "https:", options: urlToHttpOptions(url) };
      if (this.#targets.size >= TargetCache.#MAX) this.#targets.clear();
      this.#targets.set(href, target);
    }
    return target;
  }
}

/** Request headers as node:http takes them, lower-cased; a plain record is copied without a Headers. */
function headerRecord(init: RequestInit["headers"] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (init === undefined) return out;
  if (init instanceof Headers || Array.isArray(init)) {
    for (const [name, value] of new Headers(init)) out[name] = value;
    return out;
  }
  const record = init as Record<string, string>;
  for (const name in record) out[name.toLowerCase()] = record[name] as string;
  return out;
}

/** Response headers as name/value pairs, a repeated header (set-cookie) once per value. */
function headerPairs(headers: http.IncomingHttpHeaders): [string, string][] {
  const out: [string, string][] = [];
  // for…in, not Object.entries: no array of pairs per answer (node fills a plain object: own keys only).
  for (const name in headers) {
    const value = headers[name];
    if (Array.isArray(value)) for (const v of value) out.push([name, v]);
    else if (value !== undefined) out.push([name, value]);
  }
  return out;
}

/** A JSON answer's headers as one record (repeated headers joined, as Headers.get() shows them). */
function joinedHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

async function bodyText(body: RequestInit["body"] | string | undefined): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  return new Response(body).text();
}
