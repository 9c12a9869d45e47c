// The provider-neutral request for one offer, and everything else an attempt at that offer needs
// (shared by the JSON and the streaming paths).
import type { Offer } from "../catalog/schema.js";
import { byFidelity } from "../fidelity.js";
import type { InvokeProviderOptions } from "../../providers/invoke-provider.js";
import { adapterFor } from "../../providers/registry.js";
import type { UpstreamRequest } from "../../providers/types.js";
import type { AttemptRecord } from "../types.js";
import type { ExecutionEnv } from "./execute.js";
import type { GatewaySettings } from "../settings.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { Prepared } from "./prepare-stage.js";

/**
 * @example
 * const upstream = upstreamRequestFor(prepared, offer);
 */
export function upstreamRequestFor(prepared: Prepared, offer: Offer): UpstreamRequest {
  const { request } = prepared;
  return {
    model: offer.providerModel,
    instructions: request.instructions,
    // The parsed input is already the chat messages toUpstreamMessages would copy (role and content),
    // and adapters only map them (they are pure request mappers): no copy per attempt.
    messages: request.input,
    temperature: request.temperature,
    topP: request.topP,
    maxOutputTokens: request.maxOutputTokens,
    responseFormat: request.responseFormat,
    stop: request.stop,
    stream: request.stream,
  };
}

/**
 * The attempt's deadline: `execution.attemptTimeoutMs`, which is unset under reference fidelity (the
 * reference passes no timeout or abort signal upstream); then the simulation's `hangBoundMs`, so a fake
 * that never answers still ends its scenario.
 */
export function attemptTimeoutMs(env: GatewayEnv): number {
  return attemptDeadlineMs(env.settings);
}

/** The same deadline from the settings alone (the outside-gateway config emitters use it too). */
export function attemptDeadlineMs(settings: Pick<GatewaySettings, "execution" | "fidelity">): number {
  return byFidelity<number | undefined>(settings.execution.attemptTimeoutMs, settings.fidelity, { reference: undefined, documented: 60_000 }) ?? settings.execution.hangBoundMs;
}

/** The workspace id of the probe draw's "{workspaceId}|{requestId}" (gateway-sim has one workspace). */
export const WORKSPACE_ID = "gateway-sim";

/** The upstream call options for one attempt at `offer`. */
export function invokeOptionsFor(prepared: Prepared, offer: Offer, env: GatewayEnv): InvokeProviderOptions {
  return {
    adapter: adapterFor(offer.format),
    fetch: env.fetch,
    clock: env.clock,
    request: upstreamRequestFor(prepared, offer),
    target: { baseUrl: offer.baseUrl, apiKey: env.providerKey(offer.provider, offer.apiKeyEnv) },
    timeoutMs: attemptTimeoutMs(env),
    signal: env.signal,
  };
}

/** The failover loop's view of the gateway, announcing each attempt of request `id` for `model`. */
export function executionEnvFor(id: string, model: string, env: GatewayEnv): ExecutionEnv {
  return new RequestExecutionEnv(id, model, env);
}

/**
 * A class rather than a literal of arrow functions: under tsx (keepNames) every named arrow built per
 * request goes through a defineProperty wrapper. Methods: the failover loop calls them on the env.
 */
class RequestExecutionEnv implements ExecutionEnv {
  readonly health: ExecutionEnv["health"];
  readonly sampleKey: string;

  constructor(
    private readonly id: string,
    readonly model: string,
    private readonly env: GatewayEnv,
  ) {
    this.health = env.health;
    this.sampleKey = `${WORKSPACE_ID}|${id}`;
  }

  now(): number {
    return this.env.clock.now();
  }

  onAttempt(attempt: AttemptRecord): void {
    this.env.onEvent?.({ type: "attempt:end", id: this.id, at: this.env.clock.now(), attempt });
  }
}
