import { describe, expect, it } from "vitest";
import { formatSseEvent, parseSseStream, SseParser } from "./sse.js";

describe("SseParser", () => {
  it("parses events split across arbitrary chunk boundaries", () => {
    const text = 'event: message_start\ndata: {"a":1}\n\ndata: line1\ndata: line2\n\n: comment\ndata: [DONE]\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut)), ...parser.end()];
      expect(events).toEqual([{ event: "message_start", data: '{"a":1}' }, { data: "line1\nline2" }, { data: "[DONE]" }]);
    }
  });

  it("handles CRLF and a lone CR split from its LF", () => {
    const parser = new SseParser();
    const events = [...parser.push("data: x\r"), ...parser.push("\n\r\n")];
    expect(events).toEqual([{ data: "x" }]);
  });

  it("flushes a final event that lost its blank line", () => {
    const parser = new SseParser();
    expect(parser.push("data: tail")).toEqual([]);
    expect(parser.end()).toEqual([{ data: "tail" }]);
  });

  it("round-trips through the writer", async () => {
    const events = [{ event: "a", data: "1\n2" }, { data: "{}" }, { event: "b", data: "", id: "7" }];
    const bytes = new TextEncoder().encode(events.map(formatSseEvent).join(""));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.slice(i, i + 5));
        controller.close();
      },
    });
    const parsed = [];
    for await (const event of parseSseStream(stream)) parsed.push(event);
    expect(parsed).toEqual(events);
  });
});
