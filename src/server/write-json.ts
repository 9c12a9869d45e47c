// One JSON response in one write: status, headers and the serialised body with its length, as
// express's res.json() would send it: always JSON in UTF-8, less the ETag (meaningless on a POST answer).
import type { ServerResponse } from "node:http";

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * @example
 * writeJson(res, 200, { "x-generation-id": "G-1" }, { id: "G-1", object: "response" });
 */
export function writeJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  const text = JSON.stringify(body);
  // Object.assign onto a fresh object rather than a spread and two keys: a slow path on Node 20.
  res.writeHead(status, Object.assign({}, headers, { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text) }));
  res.end(text);
}
