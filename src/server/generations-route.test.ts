import { afterEach, describe, expect, it } from "vitest";
import { createMemoryUsageLog } from "../gateway/usage/memory-usage-log.js";
import { usageRecord } from "../gateway/usage/usage-record-fixture.js";
import { createServerApp } from "./create-server-app.js";
import { startServer, type RunningServer } from "./start-server.js";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serveLog(count: number): Promise<RunningServer> {
  const usage = createMemoryUsageLog();
  for (let i = 1; i <= count; i++) usage.append(usageRecord({ id: `G-${i}` }));
  const gateway = { usage, respond: () => Promise.reject(new Error("not used")) };
  return startServer(createServerApp({ gateway, apiKeys: ["k"] }), { port: 0 });
}

const auth = { authorization: "Bearer k" };

describe("GET /v1/generations, list mode over HTTP", () => {
  it("follows next_cursor to the end, never cached, and keeps ?id= lookups", async () => {
    server = await serveLog(3);
    const seen: string[] = [];
    let after = "0";
    for (let more = true; more; ) {
      const res = await fetch(`${server.url}/v1/generations?after=${after}&limit=2`, { headers: auth });
      expect(res.headers.get("cache-control")).toBe("no-store");
      const page = (await res.json()) as { object: string; data: { id: string }[]; next_cursor: string; has_more: boolean };
      expect(page.object).toBe("list");
      seen.push(...page.data.map((r) => r.id));
      ({ next_cursor: after, has_more: more } = page);
    }
    expect(seen).toEqual(["G-1", "G-2", "G-3"]);
    expect(after).toBe("3");
    const one = await fetch(`${server.url}/v1/generations?id=G-2`, { headers: auth });
    expect(((await one.json()) as { id: string }).id).toBe("G-2");
  });

  it("answers bad parameters with a 400 located at the parameter, and needs the key", async () => {
    server = await serveLog(1);
    const res = await fetch(`${server.url}/v1/generations?limit=1000`, { headers: auth });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "validation_error", details: [{ path: "limit", keyword: "maximum" }] });
    expect((await fetch(`${server.url}/v1/generations?after=0`)).status).toBe(401);
  });
});
