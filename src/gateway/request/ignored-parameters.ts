// Documented OpenAI Responses parameters that SDKs send but the gateway does not act on.
// They are accepted (so an unchanged OpenAI client works) and listed in the parsed request's
// `ignoredParameters`, so diagnostics can show what had no effect; any other unknown top-level
// field is a 400 `unknown_parameter`, as the OpenAI API itself does.

export const IGNORED_OPENAI_PARAMETERS = [
  "store",
  "metadata",
  "user",
  "parallel_tool_calls",
  "tool_choice",
  "truncation",
  "previous_response_id",
  "service_tier",
  "include",
  "background",
  "prompt_cache_key",
  "prompt_cache_retention",
  "prompt_cache_options",
  "safety_identifier",
  "stream_options",
  "top_logprobs",
  "max_tool_calls",
] as const;

export type IgnoredOpenAiParameter = (typeof IGNORED_OPENAI_PARAMETERS)[number];
