// The LiteLLM proxy config.yaml keys gateway-sim emits, as a zod schema of their documentation.
// LiteLLM itself cannot be installed here (no Python package index), so the emitted YAML is tested
// against these documented keys only. Sources, BerriAI/litellm docs/my-website/docs/:
// - proxy/config_settings.md: model_list (model_name, litellm_params, model_info.id),
//   litellm_settings (num_retries, request_timeout, fallbacks), router_settings (routing_strategy
//   "simple-shuffle" | "least-busy" | "usage-based-routing" | "latency-based-routing", allowed_fails,
//   cooldown_time, num_retries, fallbacks; "Most values can also be set via litellm_settings").
// - proxy/load_balancing.md: routing_strategy "cost-based-routing"; deployment `order`; `weight`.
// - proxy/custom_pricing.md: litellm_params input_cost_per_token, output_cost_per_token.
// - proxy/configs.md: `os.environ/<VAR>` values, `api_base`, `api_key`.
import { z } from "zod";

export const LITELLM_ROUTING_STRATEGIES = ["simple-shuffle", "least-busy", "usage-based-routing", "latency-based-routing", "cost-based-routing"] as const;

const modelGroupFallbacks = z.array(z.record(z.string(), z.array(z.string())));

export const liteLlmConfigSchema = z.strictObject({
  model_list: z
    .array(
      z.strictObject({
        model_name: z.string().min(1),
        litellm_params: z.strictObject({
          model: z.string().regex(/^[a-z0-9_-]+\/.+/, "expected <provider>/<model>"),
          api_base: z.string().regex(/^(os\.environ\/[A-Z0-9_]+|https?:\/\/.+)$/, "expected a URL or os.environ/<VAR>"),
          api_key: z.string().min(1),
          input_cost_per_token: z.number().min(0),
          output_cost_per_token: z.number().min(0),
          weight: z.number().positive().optional(),
          order: z.number().int().min(1).optional(),
          timeout: z.number().positive().optional(),
        }),
        model_info: z.strictObject({ id: z.string().min(1) }),
      }),
    )
    .min(1),
  router_settings: z.strictObject({ routing_strategy: z.enum(LITELLM_ROUTING_STRATEGIES) }),
  litellm_settings: z.strictObject({
    num_retries: z.number().int().min(0),
    request_timeout: z.number().positive(),
    allowed_fails: z.number().int().min(0),
    cooldown_time: z.number().min(0),
    fallbacks: modelGroupFallbacks.optional(),
  }),
});

export type LiteLlmConfig = z.output<typeof liteLlmConfigSchema>;
