// Bedrock Runtime Converse / ConverseStream as the fakes speak it: model id in the path, SigV4
// headers required (their presence and the access key id, not the signature), binary event stream.
import type { FakeWire, PathRequest, WireErrorCase } from "../types.js";
import { bedrockConverseBody, bedrockStreamEvents, encodeBedrockEvents } from "./bodies.js";
import { bedrockErrorReply, bedrockIssueError } from "./errors.js";
import { bedrockConverseRequestSchema } from "./request-schema.js";

const PATH = /^\/model\/([^/]+)\/(converse|converse-stream)$/;

/** The model and mode of a Converse path (the model id is URL-encoded: `anthropic.claude…-v1%3A0`). */
export function matchBedrockPath(relativePath: string): PathRequest | undefined {
  const match = PATH.exec(relativePath);
  if (!match) return undefined;
  return { model: decodeURIComponent(match[1] as string), stream: match[2] === "converse-stream" };
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=…, Signature=…`. */
const SIGV4 = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/\d{8}\/[a-z0-9-]+\/bedrock\/aws4_request, ?SignedHeaders=[^,]+, ?Signature=[0-9a-f]{64}$/;

function checkHeaders(headers: Headers, apiKey: string | undefined): WireErrorCase | undefined {
  const match = SIGV4.exec(headers.get("authorization") ?? "");
  if (!match || !headers.get("x-amz-date")) return { kind: "missing_key" };
  // The profile's api_key is the access key id the caller must sign with.
  if (apiKey !== undefined && match[1] !== apiKey) return { kind: "wrong_key", key: match[1] as string };
  return undefined;
}

const blocksText = (blocks: readonly { text?: string | undefined }[]) => blocks.map((b) => b.text ?? "").join("");

/**
 * The Converse fake wire.
 *
 * @example
 * bedrockConverseWire.matchPath?.("/model/amazon.nova-micro-v1%3A0/converse", url); // { model: "amazon.nova-micro-v1:0", stream: false }
 */
export const bedrockConverseWire: FakeWire = {
  format: "bedrock-converse",
  endpoint: "/model/{modelId}/converse",
  matchPath: (relativePath) => matchBedrockPath(relativePath),
  requestIdHeader: "x-amzn-requestid",
  checkHeaders,
  parseRequest(body, _headers, path) {
    const parsed = bedrockConverseRequestSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: bedrockIssueError(parsed.error.issues[0]!) };
    const req = parsed.data;
    const format = req.outputConfig?.textFormat;
    let schema: Record<string, unknown> | undefined;
    if (format) {
      try {
        schema = JSON.parse(format.structure.jsonSchema.schema) as Record<string, unknown>;
      } catch {
        return { ok: false, error: { kind: "invalid_request", message: "The provided JSON schema is not valid JSON.", param: null, code: null } };
      }
    }
    const texts = [req.system ? blocksText(req.system) : "", ...req.messages.map((m) => blocksText(m.content))].filter((t) => t !== "");
    return {
      ok: true,
      request: {
        model: path?.model ?? "",
        stream: path?.stream ?? false,
        includeUsage: true,
        maxTokens: req.inferenceConfig?.maxTokens,
        format: schema ? { type: "json_schema", schema } : { type: "text" },
        inputText: texts.join("\n") + (schema ? JSON.stringify(schema) : ""),
        messageCount: req.messages.length,
      },
    };
  },
  errorReply: bedrockErrorReply,
  jsonBody: bedrockConverseBody,
  streamEvents: (answer) => bedrockStreamEvents(answer),
  streamContentType: "application/vnd.amazon.eventstream",
  encodeEvents: encodeBedrockEvents,
  // Bedrock sends no rate-limit headers; throttling is a 429 ThrottlingException.
  rateLimitHeaders: () => ({}),
  sendsRetryAfter: false,
};
