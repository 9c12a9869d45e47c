import { describe, expect, it } from "vitest";
import { createRandom } from "./random.js";
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

  it("follows the event-stream rules on CR, LF and CRLF endings, empty data, fields and comments", () => {
    const parser = new SseParser();
    const events = [...parser.push("data\r\rdata:\n\nevent: e\rdata:  two spaces\r\ndata:x\n:note\nid: 9\nretry: 5\nunknown\n\n"), ...parser.push("data: after\n\n")];
    expect(events).toEqual([{ data: "" }, { data: "" }, { event: "e", data: " two spaces\nx", id: "9" }, { data: "after", id: "9" }]);
  });

  it("gives the same events however the text is cut", () => {
    const random = createRandom("sse.test", "cuts");
    const atoms = ["data", "data:", "data: ", "event: e", "id: 7", ":c", "x", "retry: 1", "\n", "\n", "\r", "\r\n", "\n\n", '{"a":1}', " ", ":"];
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: random.int(0, 16) }, () => random.pick(atoms)).join("");
      const whole = new SseParser();
      const expected = [...whole.push(text), ...whole.end()];
      const parser = new SseParser();
      const events = [];
      for (let at = 0; at < text.length; ) {
        const size = random.int(0, 6);
        events.push(...parser.push(text.slice(at, at + size)));
        at += size;
      }
      events.push(...parser.end());
      expect(events, JSON.stringify(text)).toEqual(expected);
    }
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
