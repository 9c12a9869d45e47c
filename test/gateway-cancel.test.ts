// A request its caller cancels (RequestInfo.signal: a draining server, a client gone) is answered
// 503 and recorded `cancelled`, tries no other provider and does not count against the provider's health.
import { describe, expect, it } from "vitest";
import { realGateway } from "./support/real-gateway.js";

/** A provider that never answers, until the call is aborted. */
const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
  });

describe("cancelled requests", () => {
  for (const stream of [false, true]) {
    it(`${stream ? "streamed" : "JSON"}: a 503 and a cancelled record, one attempt, health untouched`, async () => {
      const gateway = realGateway({ fetch: hangingFetch });
      const controller = new AbortController();
      const answer = gateway.respond({ model: "openai/gpt-5.4-nano", input: "Hi", stream }, { signal: controller.signal });
      await new Promise((r) => setTimeout(r, 50));
      controller.abort(new DOMException("server shutting down", "AbortError"));
      const response = await answer;
      expect(response).toMatchObject({ kind: "json", status: 503, body: { error: "service_unavailable", reason: "cancelled" } });
      const id = response.headers["x-generation-id"] ?? "";
      const record = gateway.usage.get(id);
      expect(record).toMatchObject({ status: "cancelled", http_status: 503 });
      expect(record?.attempts).toHaveLength(1);
      // The cancelled attempt was neutral for the provider's health: no attempt, no failure, no error rate.
      const snapshot = gateway.health.snapshot(Date.now());
      expect(snapshot.map((h) => h.provider)).toEqual(["openai"]);
      for (const health of snapshot) {
        expect(health).toMatchObject({ attempts_60s: 0, failures_60s: 0, err_ewma_60s: 0, rate_60s: 0, breaker: "closed", inflight: 0 });
      }
    });
  }

  // The other surfaces run the same pipeline with the same request options: their cancellation too.
  const messages = [{ role: "user", content: "Hi" }];
  for (const [surface, body] of [
    ["chat.completions", { model: "openai/gpt-5.4-nano", messages }],
    ["messages", { model: "openai/gpt-5.4-nano", max_tokens: 64, messages }],
  ] as const) {
    it(`respondOn("${surface}"): a 503 and a cancelled record, one attempt`, async () => {
      const gateway = realGateway({ fetch: hangingFetch });
      const controller = new AbortController();
      const answer = gateway.respondOn(surface, body, { headers: {}, signal: controller.signal });
      await new Promise((r) => setTimeout(r, 50));
      controller.abort(new DOMException("server shutting down", "AbortError"));
      const response = await answer;
      expect(response).toMatchObject({ kind: "json", status: 503, body: { error: "service_unavailable", reason: "cancelled" } });
      const record = gateway.usage.get(response.headers["x-generation-id"] ?? "");
      expect(record).toMatchObject({ status: "cancelled", http_status: 503 });
      expect(record?.attempts).toHaveLength(1);
    });
  }
});
