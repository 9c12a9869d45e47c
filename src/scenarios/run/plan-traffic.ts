// The run's requests in sending order: explicit requests and every generated load merged by time
// (ties: explicit first, then loads in file order), each load drawing from its own seeded streams.
import { createRandom, type Random } from "../../core/random.js";
import { createSeededFaker } from "../../fakes/content/seeded-faker.js";
import type { GatewaySurface } from "../../gateway/surfaces/surfaces.js";
import type { LoadSpec, Traffic } from "../schema/traffic.js";
import { arrivalOffsets, expectedCount } from "./arrivals.js";
import { renderTemplate } from "./render-template.js";

export interface PlannedRequest {
  /** 0-based position in sending order. */
  index: number;
  offsetMs: number;
  name: string | null;
  body: Record<string, unknown>;
  /** The gateway surface the body is sent to. */
  surface: GatewaySurface;
  /** The generated load it belongs to (for its concurrency limit); undefined for explicit requests. */
  load: number | undefined;
  /** The generation id to send it under (an explicit request's `id`); undefined: the gateway draws one. */
  id?: string | undefined;
}

type Pending = Omit<PlannedRequest, "index">;

function* explicitRequests(traffic: Traffic): Generator<Pending> {
  const all: Pending[] = [];
  for (const r of traffic.requests) {
    for (let k = 0; k < r.repeat; k++) all.push({ offsetMs: r.at + k * r.every, name: r.name ?? null, body: r.body, surface: r.surface, load: undefined, ...(r.id === undefined ? {} : { id: r.id }) });
  }
  // Array.prototype.sort is stable: equal times keep file order.
  yield* all.sort((a, b) => a.offsetMs - b.offsetMs);
}

function pickTemplate(load: LoadSpec, random: Random): LoadSpec["templates"][number] {
  const total = load.templates.reduce((sum, t) => sum + t.weight, 0);
  let u = random.next() * total;
  for (const t of load.templates) {
    u -= t.weight;
    if (u < 0) return t;
  }
  return load.templates[load.templates.length - 1] as LoadSpec["templates"][number];
}

function* loadRequests(load: LoadSpec, index: number, seed: string): Generator<Pending> {
  const scope = ["scenario", "traffic", "load", String(index)];
  const arrivals = createRandom(seed, ...scope, "arrivals");
  const templates = createRandom(seed, ...scope, "template");
  const faker = createSeededFaker(createRandom(seed, ...scope, "input"));
  for (const offsetMs of arrivalOffsets(load, arrivals)) {
    const template = pickTemplate(load, templates);
    const body = renderTemplate(template.body, faker) as Record<string, unknown>;
    yield { offsetMs, name: load.name, body, surface: template.surface, load: index };
  }
}

/**
 * @example
 * const plan = planTraffic(spec.traffic, "42");
 * for (const request of plan.requests) console.log(request.index, request.offsetMs);
 */
export function planTraffic(traffic: Traffic, seed: string): { requests: Iterable<PlannedRequest>; expected: number } {
  const expected = traffic.requests.reduce((n, r) => n + r.repeat, 0) + traffic.load.reduce((n, l) => n + expectedCount(l), 0);
  return { requests: merge([explicitRequests(traffic), ...traffic.load.map((l, i) => loadRequests(l, i, seed))]), expected };
}

function* merge(sources: Generator<Pending>[]): Generator<PlannedRequest> {
  const heads = sources.map((s) => s.next());
  let index = 0;
  for (;;) {
    let best = -1;
    heads.forEach((h, i) => {
      if (h.done) return;
      const current = heads[best];
      if (best === -1 || (current && !current.done && h.value.offsetMs < current.value.offsetMs)) best = i;
    });
    if (best === -1) return;
    const head = heads[best];
    if (!head || head.done) return;
    yield { index: index++, ...head.value };
    heads[best] = (sources[best] as Generator<Pending>).next();
  }
}
