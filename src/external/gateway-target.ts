// The outside gateway a scenario is played against: `gateway:` in the scenario file, overridden by
// `run --gateway …`. Header values may read a file (`file:portkey.json`, relative to the scenario)
// and name the fakes' URLs as ${GATEWAY_SIM_<PROVIDER>_URL}, filled in once the fakes listen.
import { readFileSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { z } from "zod";
import { durationSchema } from "../core/duration.js";
import { GATEWAY_APIS, type GatewayApi } from "./client/gateway-apis.js";

const headersSchema = z.record(z.string().min(1), z.string());

/** The scenario file's `gateway:` block. */
export const gatewayTargetSchema = z.strictObject({
  /** The gateway's base URL, without /v1 (e.g. http://127.0.0.1:8787). */
  url: z.url({ protocol: /^https?$/, error: "expected an http(s) URL such as http://127.0.0.1:8787" }),
  api: z.enum(GATEWAY_APIS).default("chat-completions"),
  /** The client's key (bearer, or x-api-key for anthropic-messages). */
  api_key: z.string().min(1).default("gateway-sim-client-key"),
  /** Sent with every request; `file:<path>` reads the value from a file (JSON files are sent minified). */
  headers: headersSchema.default({}),
  /** Extra headers per request name (an explicit request's or a load's), over the shared ones. */
  requests: z.record(z.string().min(1), z.strictObject({ headers: headersSchema })).default({}),
  /** Simulated seconds per real second while playing traffic and timeline. */
  speed: z.number().positive().default(1),
  /** Added to latency bounds (simulated time): the outside gateway's and this machine's own time, sped up. */
  latency_tolerance: durationSchema.optional(),
});

export type GatewayTargetSpec = z.output<typeof gatewayTargetSchema>;

/** What `run` was told on its command line; each set field wins over the file. */
export interface GatewayOverrides {
  url?: string | undefined;
  api?: GatewayApi | undefined;
  headers?: Record<string, string> | undefined;
  speed?: number | undefined;
  latencyTolerance?: number | undefined;
  /** Fixed port for the fakes (so a gateway started beforehand can point at them); 0: a free one. */
  fakesPort?: number | undefined;
}

/** A target with every value decided, header values still holding their placeholders. */
export interface GatewayTarget {
  url: string;
  api: GatewayApi;
  apiKey: string;
  headers: Record<string, string>;
  requestHeaders: Record<string, Record<string, string>>;
  speed: number;
  /** Simulated ms added to latency bounds. */
  latencyToleranceMs: number;
  fakesPort: number;
}

/** Real milliseconds of the outside gateway's own work a latency bound allows by default. */
export const DEFAULT_REAL_TOLERANCE_MS = 25;

/**
 * @example
 * const target = resolveGatewayTarget(spec.gateway, { url: "http://127.0.0.1:8787" });
 */
export function resolveGatewayTarget(spec: GatewayTargetSpec | undefined, overrides: GatewayOverrides): GatewayTarget | undefined {
  const url = overrides.url ?? spec?.url;
  if (url === undefined) return undefined;
  const speed = overrides.speed ?? spec?.speed ?? 1;
  return {
    url,
    api: overrides.api ?? spec?.api ?? "chat-completions",
    apiKey: spec?.api_key ?? "gateway-sim-client-key",
    headers: { ...spec?.headers, ...overrides.headers },
    requestHeaders: Object.fromEntries(Object.entries(spec?.requests ?? {}).map(([name, r]) => [name, r.headers])),
    speed,
    latencyToleranceMs: overrides.latencyTolerance ?? spec?.latency_tolerance ?? DEFAULT_REAL_TOLERANCE_MS * speed,
    fakesPort: overrides.fakesPort ?? 0,
  };
}

/**
 * A header value as sent: `file:` read (relative to the scenario file), then placeholders filled.
 * Throws with the header's name when a file cannot be read or a placeholder is unknown.
 *
 * @example
 * headerValue("x-portkey-config", "file:portkey.json", "scenarios/s.yaml", { GATEWAY_SIM_OPENAI_URL: "http://…" });
 */
export function headerValue(name: string, raw: string, scenarioFile: string, vars: Readonly<Record<string, string>>): string {
  let value = raw;
  if (raw.startsWith("file:")) {
    const path = resolve(dirname(scenarioFile), raw.slice("file:".length));
    try {
      value = readFileSync(path, "utf8").trim();
    } catch (error) {
      throw new Error(`header ${name}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    // A header is one line: JSON configs (Portkey's) are sent minified.
    if (extname(path) === ".json") value = JSON.stringify(JSON.parse(value));
  }
  return value.replace(/\$\{([A-Z0-9_]+)\}/g, (_m, variable: string) => {
    const filled = vars[variable];
    if (filled === undefined) throw new Error(`header ${name}: unknown placeholder \${${variable}} (expected one of ${Object.keys(vars).join(", ")})`);
    // The value sits inside a JSON string when the header is JSON: URLs need no escaping.
    return filled;
  });
}

/** Every header of one request, resolved. */
export function requestHeaders(target: GatewayTarget, name: string | null, scenarioFile: string, vars: Readonly<Record<string, string>>): Record<string, string> {
  const merged = { ...target.headers, ...(name === null ? {} : target.requestHeaders[name]) };
  return Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, headerValue(k, v, scenarioFile, vars)]));
}
