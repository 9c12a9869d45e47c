// The instant OpenAI-compatible upstream every HTTP bench target calls: a Chat Completions answer
// at once, or the same answer as a short SSE stream when the body asks for `stream: true`.
import http from "node:http";
import { ANSWER } from "../gateway.bench.js";
import { listenOnLoopback, type Listening } from "./listen.js";

const chunk = (delta: object, finish: string | null, usage?: object): string =>
  `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1767225600, model: "gpt-5.4-nano", choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`;

/** Role, two pieces of text, the finish with usage, then [DONE]: the shape the adapters parse. */
export const STREAM_ANSWER =
  chunk({ role: "assistant", content: "" }, null) +
  chunk({ content: "Bench " }, null) +
  chunk({ content: "answer." }, null) +
  chunk({}, "stop", { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 }) +
  "data: [DONE]\n\n";

/**
 * @example
 * const upstream = await startUpstream(); // POST anything → a chat completion
 */
export function startUpstream(): Promise<Listening> {
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      const stream = /"stream"\s*:\s*true/.test(body);
      const text = stream ? STREAM_ANSWER : ANSWER;
      res.writeHead(200, { "content-type": stream ? "text/event-stream" : "application/json", "content-length": Buffer.byteLength(text) });
      res.end(text);
    });
  });
  return listenOnLoopback(server);
}
