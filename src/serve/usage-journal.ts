// What the live usage page shows of a served request beyond its usage record: the scenario's name
// for it (`--traffic`) and its request and response bodies, cut as the run report cuts them. Kept
// for as many requests as the usage log retains, the oldest forgotten first.
import type { Gateway, GatewayResponse } from "../gateway/create-gateway.js";
import { type BodyText, bodyText } from "../scenarios/report/request-detail.js";

export interface JournalEntry {
  name: string | null;
  request: BodyText | null;
  /** Null for streams: they keep no body. */
  response: BodyText | null;
}

export interface UsageJournal {
  get(id: string): JournalEntry | undefined;
  /** The name of the request about to be sent with this very body object. */
  expectName(body: object, name: string | null): void;
  /** A request's answer: its bodies, and the name expected for its body. */
  noteAnswer(id: string, request: unknown, response: unknown): void;
}

/**
 * The cut text as a string of its own. `text.slice(0, n)` is a view that keeps the whole serialised
 * body alive (V8's sliced strings), so a journal of cut bodies would retain every full one; a JSON
 * round trip copies the characters exactly, lone surrogates of a cut pair included.
 */
function ownCopy(body: BodyText | null): BodyText | null {
  return body?.truncated ? { text: JSON.parse(JSON.stringify(body.text)) as string, truncated: true } : body;
}

/**
 * @example
 * const journal = createUsageJournal(10_000);
 * journal.expectName(planned.body, planned.name);
 * const gateway = journalingGateway(createGateway(deps), journal); // notes every answer
 */
export function createUsageJournal(maxEntries: number): UsageJournal {
  const entries = new Map<string, JournalEntry>();
  // Keyed by the body object itself: the name is known before the gateway assigns an id.
  const names = new WeakMap<object, string | null>();
  return {
    get: (id) => entries.get(id),
    expectName: (body, name) => names.set(body, name),
    noteAnswer(id, request, response) {
      const name = typeof request === "object" && request !== null ? (names.get(request) ?? null) : null;
      // Cut now, so a long serve holds at most MAX_BODY_CHARS per body, not whole prompts.
      entries.set(id, { name, request: ownCopy(bodyText(request)), response: ownCopy(bodyText(response)) });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
  };
}

/**
 * `gateway` with every answer noted in `journal` — HTTP callers' and `--traffic`'s alike, as both go
 * through `respond` (or `respondOn` for the other surfaces). Noted in the same microtask run that appends the usage record, so no page of
 * the log (an HTTP request, a later task) can see a record before its journal entry.
 *
 * @example
 * const gateway = journalingGateway(createGateway(deps), journal);
 */
export function journalingGateway(gateway: Gateway, journal: UsageJournal): Gateway {
  const note = (body: unknown, response: GatewayResponse): GatewayResponse => {
    if (response.kind === "json") journal.noteAnswer(response.record.id, body, response.body);
    else
      response.record.then(
        (record) => journal.noteAnswer(record.id, body, undefined),
        () => undefined,
      );
    return response;
  };
  return {
    ...gateway,
    respond: async (body, request) => note(body, await gateway.respond(body, request)),
    // /v1/chat/completions and /v1/messages answers are noted in their own shapes.
    respondOn: async (surface, body, request) => note(body, await gateway.respondOn(surface, body, request)),
  };
}
