// `provider_failure_diagnostics` of the all-failed error (reference guards.ts:16-258): the first attempt
// error classified into a category with a hint, by upstream code, then by words in its texts, then by
// status. Facts re-stated as ordered rules; the first match wins.
import type { AttemptError } from "./all-candidates-failed.js";

export type FailureCategory =
  | "credentials_not_configured"
  | "credentials_invalid_or_forbidden"
  | "provider_access_missing"
  | "region_or_project_restriction"
  | "model_unavailable_for_endpoint"
  | "rate_limited"
  | "server_error";

export interface ProviderFailureDiagnostics {
  category: FailureCategory;
  hint: string;
  provider: string | null;
}

const HINTS = {
  notConfigured: "Provider credentials are not configured for this route. Verify gateway keys or the selected BYOK configuration before retrying.",
  incomplete: "Provider configuration is incomplete for this route. Verify the provider base URL and related gateway settings before retrying.",
  invalid: "The provider rejected the supplied credentials or permissions. Verify the gateway key or BYOK secret and retry.",
  access: "The provider account appears not to have access to this model or feature yet. Verify account entitlements and provider-side access.",
  region: "The provider appears to be restricted by region, location, or project configuration. Verify the provider region and project access for this model.",
  unavailable: "The provider does not appear to expose this model on the requested endpoint yet.",
  rateLimited: "The provider is rate limiting this request. Retry with backoff or another provider.",
  serverError: "The provider returned a server-side failure. Retrying later may succeed.",
} as const;

/** What a rule sees: the lower-cased upstream code, the lower-cased joined texts, the status. */
interface Facts {
  code: string | null;
  haystack: string;
  status: number | null;
}

type Rule = { when: (f: Facts) => boolean; category: FailureCategory; hint: string };

const includesAny = (haystack: string, words: readonly string[]): boolean => words.some((w) => haystack.includes(w));

/** guards.ts:89-258, in order. */
const RULES: readonly Rule[] = [
  {
    when: (f) => f.code === "google-vertex_project_missing" || f.code === "google-vertex_access_token_missing" || f.code === "google-vertex_oauth_access_token_missing",
    category: "credentials_not_configured",
    hint: HINTS.notConfigured,
  },
  { when: (f) => f.code?.endsWith("_key_missing") === true, category: "credentials_not_configured", hint: HINTS.notConfigured },
  { when: (f) => f.code?.endsWith("_base_url_missing") === true, category: "credentials_not_configured", hint: HINTS.incomplete },
  {
    when: (f) => ["invalidsignatureexception", "incompletesignatureexception", "unrecognizedclientexception", "expiredtokenexception"].includes(f.code ?? ""),
    category: "credentials_invalid_or_forbidden",
    hint: HINTS.invalid,
  },
  { when: (f) => f.code === "accessdeniedexception", category: "provider_access_missing", hint: HINTS.access },
  { when: (f) => f.code === "throttlingexception", category: "rate_limited", hint: HINTS.rateLimited },
  { when: (f) => f.code === "unauthenticated", category: "credentials_invalid_or_forbidden", hint: HINTS.invalid },
  { when: (f) => f.code === "permission_denied", category: "provider_access_missing", hint: HINTS.access },
  { when: (f) => f.code === "resource_exhausted", category: "rate_limited", hint: HINTS.rateLimited },
  { when: (f) => f.code?.startsWith("google-vertex_oauth_error_") === true, category: "credentials_invalid_or_forbidden", hint: HINTS.invalid },
  {
    when: (f) => includesAny(f.haystack, ["missing byok key", "missing credentials", "api key not configured", "google-vertex_project_missing", "no api key", "no credentials", "requires access key"]),
    category: "credentials_not_configured",
    hint: HINTS.notConfigured,
  },
  {
    when: (f) => includesAny(f.haystack, ["not available in your region", "unsupported region", "region", "location", "project", "publisher"]),
    category: "region_or_project_restriction",
    hint: HINTS.region,
  },
  {
    when: (f) => includesAny(f.haystack, ["permission denied", "access denied", "not enabled", "allowlist", "allow list", "not available to your account", "account does not have access"]),
    category: "provider_access_missing",
    hint: HINTS.access,
  },
  {
    when: (f) => f.status === 401 || (f.status === 403 && includesAny(f.haystack, ["api key", "unauthorized", "forbidden", "credential", "auth"])),
    category: "credentials_invalid_or_forbidden",
    hint: HINTS.invalid,
  },
  { when: (f) => f.status === 404 || f.haystack.includes("not available for endpoint"), category: "model_unavailable_for_endpoint", hint: HINTS.unavailable },
  { when: (f) => f.status === 429, category: "rate_limited", hint: HINTS.rateLimited },
  { when: (f) => f.status !== null && f.status >= 500, category: "server_error", hint: HINTS.serverError },
];

function compact(value: string | null, max: number): string | null {
  if (value === null) return null;
  const text = value.trim().replace(/\s+/g, " ");
  if (!text) return null;
  return text.length <= max ? text : `${text.slice(0, max - 1)}...`;
}

/**
 * The category of the first attempt error, or null when no rule matches (or there is none).
 *
 * @example
 * providerFailureDiagnostics([{ provider: "openai", status: 429, ... }]); // { category: "rate_limited", … }
 */
export function providerFailureDiagnostics(errors: readonly AttemptError[]): ProviderFailureDiagnostics | null {
  const primary = errors[0];
  if (!primary) return null;
  const facts: Facts = {
    code: compact(primary.upstream_error_code, 160)?.toLowerCase() ?? null,
    haystack: [
      compact(primary.upstream_error_code, 160)?.toLowerCase() ?? null,
      compact(primary.upstream_error_message, 240),
      compact(primary.upstream_error_description, 320),
      compact(primary.upstream_error_param, 240),
    ]
      .filter((t): t is string => t !== null)
      .join(" ")
      .toLowerCase(),
    status: primary.status,
  };
  const rule = RULES.find((r) => r.when(facts));
  return rule ? { category: rule.category, hint: rule.hint, provider: compact(primary.provider, 60) } : null;
}
