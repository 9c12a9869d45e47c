// Maps a parsed Responses request to the provider-neutral chat shape adapters consume.
import type { ChatMessage } from "../../providers/types.js";
import type { ResponsesRequest } from "./responses-request-schema.js";

/**
 * The request's instructions (system prompt) and its input as chat messages, in order. System and
 * developer messages in `input` stay where they are: each adapter decides how its wire format
 * carries them (Anthropic lifts them into `system`, OpenAI keeps them inline).
 *
 * @example
 * toUpstreamMessages(request); // { instructions: "Be brief.", messages: [{ role: "user", content: "Hi" }] }
 */
export function toUpstreamMessages(request: Pick<ResponsesRequest, "instructions" | "input">): {
  instructions: string | undefined;
  messages: ChatMessage[];
} {
  return {
    instructions: request.instructions,
    messages: request.input.map((message) => ({ role: message.role, content: message.content })),
  };
}
