// AWS Signature Version 4 for one Bedrock Runtime POST: the `authorization` and `x-amz-date`
// headers, computed from the call itself and a clock time (pure: same inputs, same signature).
import { createHash, createHmac } from "node:crypto";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const hmac = (key: string | Buffer, text: string) => createHmac("sha256", key).update(text).digest();

/** `20260101T000000Z` for a clock time in ms. */
export function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** The region of a Bedrock Runtime host (`bedrock-runtime.eu-west-1.amazonaws.com`), else us-east-1. */
export function regionOf(url: URL): string {
  return /^bedrock-runtime(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com$/.exec(url.hostname)?.[1] ?? "us-east-1";
}

/**
 * Signs a POST. `credentials` is `ACCESS_KEY_ID:SECRET_ACCESS_KEY` (one provider key string in the
 * catalog); without a colon the whole string is both. Non-S3 services sign the path URI-encoded
 * once more, so `%3A` in a model id is signed as `%253A`.
 *
 * @example
 * signSigV4({ url, body, now: 0, credentials: "AKIDEXAMPLE:secret", headers: { "content-type": "application/json" } });
 * // { authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/19700101/us-east-1/bedrock/aws4_request, …", "x-amz-date": "19700101T000000Z" }
 */
export function signSigV4(input: { url: URL; body: string; now: number; credentials: string; headers: Record<string, string> }): Record<string, string> {
  const colon = input.credentials.indexOf(":");
  const accessKeyId = colon === -1 ? input.credentials : input.credentials.slice(0, colon);
  const secret = colon === -1 ? input.credentials : input.credentials.slice(colon + 1);
  const date = amzDate(input.now);
  const day = date.slice(0, 8);
  const region = regionOf(input.url);
  const scope = `${day}/${region}/bedrock/aws4_request`;
  const headers: Record<string, string> = { ...input.headers, host: input.url.host, "x-amz-date": date };
  const names = Object.keys(headers)
    .map((n) => n.toLowerCase())
    .sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim()]));
  const canonicalPath = input.url.pathname
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
  const canonical = ["POST", canonicalPath, input.url.search.slice(1), ...names.map((n) => `${n}:${lower[n] ?? ""}`), "", names.join(";"), sha256(input.body)].join("\n");
  const toSign = ["AWS4-HMAC-SHA256", date, scope, sha256(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), "bedrock"), "aws4_request");
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}`,
    "x-amz-date": date,
  };
}
