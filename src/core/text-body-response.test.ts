import { describe, expect, it } from "vitest";
import { takeText, textBodyResponse } from "./text-body-response.js";

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

  for (const [name, read] of Object.entries(readers)) {
    it(`behaves like new Response(text) when its headers are read before ${name}`, async () => {
      const first = (r: Response) => {
        const headers = r.headers;
        return { type: headers.get("content-type"), list: [...headers], same: headers === r.headers };
      };
      const real = new Response(TEXT, init());
      const fast = textBodyResponse(TEXT, init());
      expect(first(fast)).toEqual(first(real));
      expect(await observe(fast, read)).toEqual(await observe(real, read));
    });
  }

  it("holds its headers as the real one does: response guard, set-cookie dropped, changes kept", () => {
    const act = (r: Response) => {
      r.headers.set("x-added", "1");
      r.headers.append("set-cookie", "a=b");
      r.headers.delete("x-request-id");
      return [...r.headers];
    };
    expect(act(textBodyResponse(TEXT, init()))).toEqual(act(new Response(TEXT, init())));
  });

  it("hands headers a real Headers would trim, reject or merge to the real constructor", async () => {
    const odd: Record<string, string>[] = [
      { "content-type": "application/json", "x-a": " padded " },
      { "content-type": "application/json", "X-A": "1", "x-a": "2" },
    ];
    for (const headers of odd) {
      const fast = textBodyResponse(TEXT, { status: 200, headers });
      expect([...fast.headers]).toEqual([...new Response(TEXT, { status: 200, headers }).headers]);
      expect(await fast.text()).toBe(TEXT);
    }
    const invalid = { "content-type": "application/json", "x-a": "a\nb" };
    expect(() => textBodyResponse(TEXT, { status: 200, headers: invalid })).toThrow(TypeError);
  });

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

describe("takeText", () => {
  it("takes the body once, marking it read as text() does", async () => {
    const response = textBodyResponse(TEXT, init());
    expect(takeText(response)).toBe(TEXT);
    expect(response.bodyUsed).toBe(true);
    expect(takeText(response)).toBeUndefined();
    await expect(response.text()).rejects.toThrow("Body is unusable");
  });

  it("takes nothing once a genuine Response holds the body, which still reads it", async () => {
    const response = textBodyResponse(TEXT, init());
    expect(response.headers.get("x-request-id")).toBe("req_1");
    expect(takeText(response)).toBeUndefined();
    expect(await response.text()).toBe(TEXT);
  });

  it("takes nothing from a body read already, or from any other Response", async () => {
    const read = textBodyResponse(TEXT, init());
    await read.text();
    expect(takeText(read)).toBeUndefined();
    const other = new Response(TEXT);
    expect(takeText(other)).toBeUndefined();
    expect(other.bodyUsed).toBe(false);
  });
});
