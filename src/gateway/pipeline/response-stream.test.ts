import { describe, expect, it } from "vitest";
import { formatOneLineSseEvent, formatSseEvent, type SseEvent } from "../../core/sse.js";
import { messageItem } from "./response-body.js";
import { type ResponseEvent, ResponseEventWriter, wireText } from "./response-stream.js";

/** How the stream ends: a final body, or a failure. */
type End = { body: Record<string, unknown> } | { code: string; message: string };

/** The events as the writer once built them: `JSON.stringify({ type, sequence_number, ...payload })` per event. */
function referenceEvents(id: string, snapshot: Record<string, unknown>, deltas: readonly string[], end: End): SseEvent[] {
  let seq = 0;
  const itemId = `msg_${id.slice(2)}`;
  const event = (type: string, payload: Record<string, unknown>): SseEvent => ({ event: type, data: JSON.stringify({ type, sequence_number: seq++, ...payload }) });
  const part = { item_id: itemId, output_index: 0, content_index: 0 };
  const inProgress = { ...snapshot, status: "in_progress", output: [] };
  const events = [
    event("response.created", { response: inProgress }),
    event("response.in_progress", { response: inProgress }),
    event("response.output_item.added", { output_index: 0, item: messageItem(id, "", "in_progress") }),
    event("response.content_part.added", { ...part, part: { type: "output_text", text: "", annotations: [] } }),
    ...deltas.map((text) => event("response.output_text.delta", { ...part, delta: text, logprobs: [] })),
  ];
  if ("code" in end) {
    const { code, message } = end;
    return [...events, event("error", { code, message, param: null }), event("response.failed", { response: { ...snapshot, status: "failed", error: { code, message } } })];
  }
  const output = end.body.output as Array<{ content: Array<{ text: string }> }>;
  const text = output[0]?.content[0]?.text ?? "";
  const status = end.body.status === "incomplete" ? "incomplete" : "completed";
  return [
    ...events,
    event("response.output_text.done", { ...part, text, logprobs: [] }),
    event("response.content_part.done", { ...part, part: { type: "output_text", text, annotations: [] } }),
    event("response.output_item.done", { output_index: 0, item: messageItem(id, text, status) }),
    event(status === "incomplete" ? "response.incomplete" : "response.completed", { response: end.body }),
  ];
}

function written(id: string, snapshot: Record<string, unknown>, deltas: readonly string[], end: End): ResponseEvent[] {
  const writer = new ResponseEventWriter(id);
  const events = [...writer.start(snapshot), ...deltas.map((text) => writer.delta(text))];
  if ("code" in end) return [...events, ...writer.fail(snapshot, end.code, end.message)];
  return [...events, ...writer.finish(end.body)];
}

// Quotes, backslashes, line breaks, U+2028, a lone surrogate, astral characters, control characters.
const TRICKY = ['He said "hi"\\', "line\nbreak\r\n", "\u2028sep\u2029", "lone \ud800 surrogate", "😀 €", "\u0000\u001f\u007f", ""];

describe("ResponseEventWriter", () => {
  const id = 'G-ab"c\\d';
  const snapshot = { id, object: "response", created_at: 1_700_000_000, model: "openai/gpt-5.4-nano", status: "in_progress", output: [], usage: null };
  const body = (text: string, status: string): End => ({
    body: {
      id,
      object: "response",
      status,
      output: [{ type: "message", id: "msg_x", status, role: "assistant", content: [{ type: "output_text", text, annotations: [] }] }],
      usage: { input_tokens: 1, output_tokens: 2, cost: 5.0000000000000004e-8 },
    },
  });

  it("writes exactly the JSON of each event object, for any text", () => {
    for (const text of TRICKY) {
      expect(written(id, snapshot, [text, "x"], body(`${text}x`, "completed"))).toEqual(referenceEvents(id, snapshot, [text, "x"], body(`${text}x`, "completed")));
    }
  });

  it("writes an incomplete answer, an answer without text, and a failure the same way", () => {
    expect(written(id, snapshot, ["cut"], body("cut", "incomplete"))).toEqual(referenceEvents(id, snapshot, ["cut"], body("cut", "incomplete")));
    expect(written(id, snapshot, [], { body: { id, output: [] } })).toEqual(referenceEvents(id, snapshot, [], { body: { id, output: [] } }));
    const failure = { code: "upstream_invalid_response", message: 'cut "short"\n' };
    expect(written(id, snapshot, ["a"], failure)).toEqual(referenceEvents(id, snapshot, ["a"], failure));
  });

  it("writes the in-progress response of a snapshot that is not one yet as its copy with that status and no output", () => {
    for (const other of [{ id, object: "response", status: "queued", output: ["x"] }, { id, created_at: 1 }, Object.assign(Object.create({ inherited: 1 }) as object, snapshot)]) {
      expect(written(id, other, ["a"], body("a", "completed"))).toEqual(referenceEvents(id, other, ["a"], body("a", "completed")));
    }
  });

  it("gives data on one line, so the one-line format is the SSE format", () => {
    for (const event of written(id, snapshot, TRICKY, body(TRICKY.join(""), "completed"))) {
      expect(event.data).not.toMatch(/[\r\n]/);
      expect(formatOneLineSseEvent(event.event, event.data)).toBe(formatSseEvent(event));
    }
  });

  it("gives each event's wire text as formatSseEvent does, for its own types and any other", () => {
    const events = [
      ...written(id, snapshot, TRICKY, body("x", "incomplete")),
      ...written(id, snapshot, [], body("", "completed")),
      ...written(id, snapshot, ["a"], { code: "c", message: "m" }),
      { event: "response.other", data: '{"a":1}' },
    ];
    expect(new Set(events.map((event) => event.event)).size).toBe(13);
    for (const event of events) expect(wireText(event)).toBe(formatSseEvent(event));
  });
});
