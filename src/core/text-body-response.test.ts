import { describe, expect, it } from "vitest";
import { textBodyResponse } from "./text-body-response.js";

const TEXT = '{"id":"chatcmpl-1","choices":[]}';
const init = () => ({ status: 200, headers: { "content-type": "application/json", "x-request-id": "req_1" } });

/** What a caller can observe of a response, read through `read`. */
async function observe(response: Response, read: (r: Response) => Promise<unknown>) {
  const before = response.bodyUsed;
  const value = await read(response);
  const second = await read(response).then(
    () => "read again",
    (error: unknown) => (error instanceof TypeError ? `TypeError: ${error.message}` : "other error"),
  );
  return { status: response.status, ok: response.ok, headers: [...response.headers], before, value, after: response.bodyUsed, second };
}

const readers: Record<string, (r: Response) => Promise<unknown>> = {
  text: (r) => r.text(),
  json: (r) => r.json(),
  arrayBuffer: async (r) => new TextDecoder().decode(await r.arrayBuffer()),
  bytes: async (r) => new TextDecoder().decode(await (r as Response & { bytes(): Promise<Uint8Array> }).bytes()),
  blob: async (r) => (await r.blob()).text(),
  "body stream": async (r) => {
    if (r.body === null) return null;
    let out = "";
    const decoder = new TextDecoder();
    for await (const chunk of r.body) out += decoder.decode(chunk, { stream: true });
    return out;
  },
};

describe("textBodyResponse", () => {
  it("is a Response", () => {
    expect(textBodyResponse(TEXT, init())).toBeInstanceOf(Response);
  });

  for (const [name, read] of Object.entries(readers)) {
    it(`behaves like new Response(text) when read with ${name}, twice`, async () => {
      const expected = await observe(new Response(TEXT, init()), read);
      expect(await observe(textBodyResponse(TEXT, init()), read)).toEqual(expected);
    });
  }

  it("json() rejects with SyntaxError on a body that is not JSON, like the real one", async () => {
    await expect(textBodyResponse("not json", init()).json()).rejects.toBeInstanceOf(SyntaxError);
    await expect(new Response("not json", init()).json()).rejects.toBeInstanceOf(SyntaxError);
  });

  it("a clone reads independently of the original", async () => {
    const response = textBodyResponse(TEXT, init());
    const copy = response.clone();
    expect(await copy.text()).toBe(TEXT);
    expect(await response.text()).toBe(TEXT);
    expect(response.bodyUsed).toBe(true);
  });

  it("once read through text(), the body stream is disturbed as well", async () => {
    const response = textBodyResponse(TEXT, init());
    await response.text();
    await expect(response.arrayBuffer()).rejects.toBeInstanceOf(TypeError);
    expect(response.bodyUsed).toBe(true);
  });

  it("keeps undici's defaults where they apply: text/plain without a content-type, no body for 204", async () => {
    const plain = textBodyResponse("hi", { status: 200, headers: {} });
    expect(plain.headers.get("content-type")).toBe("text/plain;charset=UTF-8");
    expect(() => textBodyResponse("x", { status: 204, headers: { "content-type": "application/json" } })).toThrow(TypeError);
  });
});
