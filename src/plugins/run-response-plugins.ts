// The plugin registry's loop (plugins/registry.ts:41-114 at the pin): each enabled response plugin
// runs once after the provider answers; a plugin that does not support streams is recorded as
// skipped there, and an exception becomes the only `failed` record.
import { PLUGIN_STAGE, type PluginExecution } from "../gateway/types.js";
import type { FinishReason, ResponseFormat } from "../providers/types.js";
import type { ResolvedPlugin } from "./layer-plugins.js";
import { healResponse, type SchemaCheck } from "./response-healing/heal-response.js";
import { isHealingMode, DEFAULT_HEALING_MODE } from "./response-healing/registry.js";

export interface ResponsePluginInput {
  plugins: readonly ResolvedPlugin[];
  text: string;
  finishReason: FinishReason;
  responseFormat: ResponseFormat | undefined;
  streaming: boolean;
  schemaCheck: SchemaCheck;
}

/**
 * Runs the enabled response plugins over the provider's text.
 *
 * @example
 * const { text, executions } = runResponsePlugins({ plugins, text, finishReason: "stop", responseFormat, streaming: false, schemaCheck: "full" });
 */
export function runResponsePlugins(input: ResponsePluginInput): { text: string; executions: PluginExecution[] } {
  let text = input.text;
  const executions: PluginExecution[] = [];
  for (const plugin of input.plugins) {
    // Disabled plugins leave no record (registry.ts:54).
    if (!plugin.enabled) continue;
    if (input.streaming) {
      executions.push({ id: plugin.id, stage: PLUGIN_STAGE, changed: false, status: "skipped", metadata: { attempted: false, reason: "streaming_unsupported" } });
      continue;
    }
    const mode = isHealingMode(plugin.mode) ? plugin.mode : DEFAULT_HEALING_MODE;
    try {
      const healed = healResponse({ text, finishReason: input.finishReason, responseFormat: input.responseFormat, mode, streaming: false, schemaCheck: input.schemaCheck });
      text = healed.text;
      executions.push(healed.execution);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      executions.push({ id: plugin.id, stage: PLUGIN_STAGE, changed: false, status: "failed", metadata: { attempted: true, mode, reason: "plugin_error", error: message } });
    }
  }
  return { text, executions };
}
