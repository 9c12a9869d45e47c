// gateway-sim's HTTP layer with no pipeline behind it: the real server app (hot path, auth, body
// read within the limit, one JSON.parse, the JSON and SSE writers) and the keep-alive upstream
// fetch, in front of a gateway that forwards the body as one Chat Completions call and hands the
// answer back as it came (JSON parsed, stream events re-framed). Its distance from the floor is what
// the HTTP layer costs; its distance from the real gateway target is what the pipeline costs.
import { bodyReader } from "../../src/core/body-reader.js";
import { createKeepAliveFetch } from "../../src/core/keep-alive-fetch.js";
import { formatSseEvent, type SseEvent, SseParser } from "../../src/core/sse.js";
import type { Gateway } from "../../src/gateway/create-gateway.js";
import { createServerApp } from "../../src/server/create-server-app.js";
import type { GatewayLike } from "../../src/server/gateway-like.js";
import { startServer } from "../../src/server/start-server.js";
import { BENCH_KEY, benchGateway, gatewayBenchBody } from "./gateway-target.js";
import { inMemoryUpstreamFetch } from "./in-memory-upstream.js";
import type { Listening } from "./listen.js";

async function* events(response: Response, held: readonly unknown[] | undefined): AsyncGenerator<SseEvent> {
  const reader = bodyReader(response);
  if (reader === null) return;
  const parser = new SseParser();
  const decoder = new TextDecoder();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) yield* parser.push(decoder.decode(chunk.value, { stream: true }));
  // The allocation control's objects live as long as the stream, as the pipeline's do.
  if (held !== undefined) arithmeticSink.value ^= held.length;
}

/**
 * One request through gateway-sim's whole pipeline (against the in-memory upstream, for the
 * http-split bench), its answer serialised as the server would and then dropped. Anything but a 200
 * throws: a figure of the error path would be no figure of the pipeline.
 *
 * @example
 * await runPipeline(benchGateway(inMemoryUpstreamFetch, "http://127.0.0.1:9"), "Hi", false);
 */
export async function runPipeline(pipeline: Gateway, input: string, stream: boolean): Promise<void> {
  const response = await pipeline.respond(gatewayBenchBody(input, stream), {});
  if (response.status !== 200) throw new Error(`the pipeline answered ${response.status}`);
  if (response.kind === "json") {
    JSON.stringify(response.body);
    return;
  }
  for await (const event of response.events) formatSseEvent(event);
  await response.record;
}

/** Pure arithmetic, no memory touched: the control for what the pipeline's work costs in the server. */
export function arithmetic(iterations: number): number {
  let acc = 0;
  for (let i = 0; i < iterations; i++) acc = (acc * 31 + i) | 0;
  return acc;
}

/** Where the control's results go, so its loop cannot be optimised away. */
export const arithmeticSink = { value: 0 };

/** The arithmetic control's size: about as much CPU alone as the JSON pipeline alone (bench/http/pipeline-alone.ts). */
export const ARITHMETIC_ITERATIONS = 10_000;

/** Small objects, nothing else: the control for what allocation alone costs in the server. */
export function allocation(objects: number): { index: number; label: string; pair: number[] }[] {
  const out: { index: number; label: string; pair: number[] }[] = [];
  for (let i = 0; i < objects; i++) out.push({ index: i, label: `x${i}`, pair: [i, i + 1] });
  return out;
}

/** The allocation control's size: about 36 KB per call, what the JSON pipeline allocates per request. */
export const ALLOCATION_OBJECTS = 250;

/**
 * Extra work before each request is forwarded: `pipeline` runs gateway-sim's pipeline in-process
 * against the in-memory upstream (its answer dropped): the layer plus the pipeline, less the
 * pipeline's own upstream HTTP. `arithmetic` runs {@link ARITHMETIC_ITERATIONS} of pure arithmetic.
 * `allocation` allocates {@link ALLOCATION_OBJECTS} small objects and holds them until the answer is
 * in, as the pipeline holds its own.
 *
 * @example
 * const layer = await startPassThroughTarget(upstream.url); // POST /v1/responses { model, input, stream? }
 */
export async function startPassThroughTarget(upstreamUrl: string, extra: "none" | "pipeline" | "arithmetic" | "allocation" = "none"): Promise<Listening> {
  const fetch = createKeepAliveFetch();
  const url = `${upstreamUrl}/v1/chat/completions`;
  const pipeline = extra === "pipeline" ? benchGateway(inMemoryUpstreamFetch, "http://127.0.0.1:9") : undefined;
  const gateway: GatewayLike = {
    async respond(body) {
      const { model, input, stream } = body as { model: string; input: string; stream?: boolean };
      if (pipeline) await runPipeline(pipeline, input, stream === true);
      if (extra === "arithmetic") arithmeticSink.value ^= arithmetic(ARITHMETIC_ITERATIONS);
      const held = extra === "allocation" ? allocation(ALLOCATION_OBJECTS) : undefined;
      const init = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model, messages: [{ role: "user", content: input }], stream: stream === true }) };
      const response = await fetch(url, init);
      if (stream === true) return { kind: "stream", status: response.status, headers: {}, events: events(response, held) };
      const answer = (await response.json()) as unknown;
      if (held !== undefined) arithmeticSink.value ^= held.length;
      return { kind: "json", status: response.status, headers: {}, body: answer };
    },
    usage: { get: () => undefined, listAfter: () => ({ items: [], hasMore: false }), total: 0 },
  };
  const server = await startServer(createServerApp({ gateway, apiKeys: [BENCH_KEY] }), { port: 0, host: "127.0.0.1" });
  return { url: server.url, close: () => server.close() };
}
