// The checks a provider makes before any work: endpoint, headers and key, JSON body, request
// validation, model, per-offer limits, rate limits. Each failure is the provider's own error.
import type { CallOutcome } from "../journal/entry.js";
import { countTokens } from "../content/tokens.js";
import type { FakeOffer, FakeProviderProfile } from "../profile/schema.js";
import type { FakeChatRequest, RateLimitSnapshot, WireErrorCase } from "../wire/types.js";
import type { CallRecord } from "./call-record.js";
import type { FakeHttpRequest } from "./outcome.js";
import type { ProviderState } from "./provider-state.js";

export type Admitted = {
  ok: true;
  request: FakeChatRequest;
  offer: FakeOffer;
  gatewayModel: string;
  inputTokens: number;
  rateLimits: RateLimitSnapshot;
};
export type Rejected = { ok: false; error: WireErrorCase; outcome: CallOutcome; headers: Record<string, string> };

function reject(error: WireErrorCase, outcome: CallOutcome, headers: Record<string, string> = {}): Rejected {
  return { ok: false, error, outcome, headers };
}

/** Upstream model name → [gateway model, offer], per models table (a profile swap brings a new table). */
const offerIndexes = new WeakMap<FakeProviderProfile["models"], Map<string, [string, FakeOffer]>>();

function findOffer(state: ProviderState, model: string): [string, FakeOffer] | undefined {
  const models = state.profile.models;
  let index = offerIndexes.get(models);
  if (index === undefined) {
    index = new Map();
    // The first gateway model serving an upstream name wins, as a scan in declaration order would.
    for (const [gatewayModel, offer] of Object.entries(models)) if (!index.has(offer.model)) index.set(offer.model, [gatewayModel, offer]);
    offerIndexes.set(models, index);
  }
  return index.get(model);
}

/**
 * Admits a call or says how the provider rejects it.
 *
 * @example
 * const admitted = await admitCall(state, req, relativePath, record);
 */
export async function admitCall(state: ProviderState, req: FakeHttpRequest, relativePath: string, record: CallRecord): Promise<Admitted | Rejected> {
  const wire = state.wire;
  const path = wire.matchPath?.(relativePath, req.url);
  if (req.method !== "POST" || (wire.matchPath ? !path : relativePath !== wire.endpoint)) {
    return reject({ kind: "not_found_path", method: req.method, path: req.url.pathname }, "not_found");
  }
  const headerError = wire.checkHeaders(req.headers, state.profile.api_key, req.url);
  if (headerError) return reject(headerError, headerError.kind === "missing_version" ? "invalid_request" : "unauthorized");
  let body: unknown;
  try {
    body = JSON.parse(await req.text());
  } catch {
    return reject({ kind: "invalid_json" }, "invalid_request");
  }
  const parsed = wire.parseRequest(body, req.headers, path);
  if (!parsed.ok) return reject(parsed.error, "invalid_request");
  const request = parsed.request;
  const inputTokens = countTokens(request.inputText);
  const found = findOffer(state, request.model);
  record.setRequest(request, inputTokens, found?.[0]);
  if (!found) return reject({ kind: "model_not_found", model: request.model }, "not_found");
  const [gatewayModel, offer] = found;
  if (request.format.type === "json_schema" && !offer.structured_output) {
    return reject({ kind: "structured_output_unsupported", model: request.model }, "invalid_request");
  }
  if (request.maxTokens !== undefined && request.maxTokens > offer.max_output_tokens) {
    return reject({ kind: "max_tokens_too_large", model: request.model, requested: request.maxTokens, limit: offer.max_output_tokens }, "invalid_request");
  }
  const decision = state.limiter.admit(state.clock.now(), inputTokens + (request.maxTokens ?? 0));
  if (!decision.ok) {
    const headers = wire.rateLimitHeaders(decision.snapshot);
    if (wire.sendsRetryAfter !== false) headers["retry-after"] = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
    const { limit, max, used, requested, retryAfterMs } = decision;
    return reject({ kind: "rate_limited", limit, max, used, requested, retryAfterMs, model: request.model }, "rate_limited", headers);
  }
  return { ok: true, request, offer, gatewayModel, inputTokens, rateLimits: decision.snapshot };
}
