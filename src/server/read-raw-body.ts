// The hot path's body reader: the whole body as one UTF-8 string, within a byte limit. A declared
// Content-Length over the limit is refused before a byte is read; a chunked body is counted as it
// arrives and refused the moment it crosses the limit (the rest is drained by node, unbuffered).
import type { IncomingMessage } from "node:http";
import { GatewayError } from "../core/errors.js";

export type RawBody = { ok: true; text: string } | { ok: false; error: GatewayError };

/** The same text body-parser gives the express routes, so both paths fail alike. */
export function tooLarge(limit: number): GatewayError {
  return new GatewayError("payload_too_large", `Request body too large (limit ${limit} bytes).`);
}

/**
 * Whether the raw reader reads this body as body-parser would: no content coding, UTF-8 (or no
 * charset). Anything else (gzip, UTF-16…) goes to the express route, which decodes it.
 */
export function isPlainUtf8Body(req: IncomingMessage): boolean {
  const coding = req.headers["content-encoding"];
  if (coding !== undefined && coding.toLowerCase() !== "identity") return false;
  const type = req.headers["content-type"];
  if (type === undefined || !type.includes("charset")) return true;
  return /;\s*charset\s*=\s*"?utf-8"?\s*(;|$)/i.test(type);
}

/** Whether the request carries a body at all (a length, or a transfer coding), as type-is decides. */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || (req.headers["content-length"] !== undefined && !Number.isNaN(Number(req.headers["content-length"])));
}

/**
 * @example
 * const body = await readRawBody(req, 1_048_576);
 * if (!body.ok) writeError(res, body.error);
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<RawBody> | RawBody {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) return { ok: false, error: tooLarge(limit) };
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (body: RawBody): void => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      // Keep the socket usable: whatever is left of an oversized body is read and dropped.
      if (!body.ok) req.resume();
      resolve(body);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) settle({ ok: false, error: tooLarge(limit) });
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      const buffer = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      let text = buffer.toString("utf8");
      // body-parser (iconv-lite) drops a UTF-8 byte-order mark; JSON.parse would choke on it.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      settle({ ok: true, text });
    };
    const onError = (error: Error): void => settle({ ok: false, error: new GatewayError("invalid_json", `Request body could not be read: ${error.message}.`) });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}
