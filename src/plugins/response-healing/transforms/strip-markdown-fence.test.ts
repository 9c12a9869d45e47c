import { describe, expect, it } from "vitest";
import { stripMarkdownFence } from "./strip-markdown-fence.js";

describe("stripMarkdownFence", () => {
  it("unwraps a json fence", () => {
    expect(stripMarkdownFence('```json\n{"a": 1}\n```')).toBe('{"a": 1}');
  });

  it("unwraps a fence without info string, with prose around it", () => {
    expect(stripMarkdownFence("Here you go:\n```\n[1, 2]\n```\nAnything else?")).toBe("[1, 2]");
  });

  it("keeps a fence that sits inside a JSON string", () => {
    expect(stripMarkdownFence('Here:\n```json\n{"code": "```js\\nx()\\n```"}\n```')).toBe('{"code": "```js\\nx()\\n```"}');
  });

  it("takes the rest of the text when the closing fence is missing", () => {
    expect(stripMarkdownFence('```json\n{"a": 1}')).toBe('{"a": 1}');
  });

  it("handles a one-line fence", () => {
    expect(stripMarkdownFence('```json{"a": 1}```')).toBe('{"a": 1}');
  });

  it("ignores a stray closing fence and fences not at a line start", () => {
    expect(stripMarkdownFence('{"a": 1}\n```')).toBe('{"a": 1}\n```');
    expect(stripMarkdownFence('[```\n{"a":"b"}\n```]')).toBe('[```\n{"a":"b"}\n```]');
  });

  it("returns a text without fences unchanged", () => {
    const text = '{"a": "no fence"}';
    expect(stripMarkdownFence(text)).toBe(text);
  });
});
