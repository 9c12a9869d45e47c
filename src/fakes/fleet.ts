// The fleet: every fake provider of a run behind one handler, shared by the three transports
// (direct fetch, msw interception, express servers), with one journal and run-time reconfiguration.
import type { Clock } from "../core/clock.js";
import type { Catalog } from "../gateway/catalog/schema.js";
import { buildRoutes, matchRoute, type RouteMatch } from "./fleet-routes.js";
import { createJournal, type Journal, type JournalOptions } from "./journal/journal.js";
import { degradationPhaseSchema, type DegradationPhaseInput } from "./profile/degradation-schema.js";
import type { FakeProviderProfile } from "./profile/schema.js";
import { catalogFromProfiles } from "./profile/to-catalog.js";
import { handleCall } from "./provider/handle-call.js";
import type { FakeHttpRequest, FakeOutcome } from "./provider/outcome.js";
import { createProviderState, reconfigureProvider, type ProviderState } from "./provider/provider-state.js";
import { toFakeRequest, toResponse, unknownHostError } from "./transports/direct.js";

/** Parsed request URLs a fleet keeps (it starts over when full). */
const PARSED_URLS = 256;

export interface FakeFleetOptions {
  /** Root seed; each provider draws from `createRandom(seed, "fake", id, purpose)`. */
  seed: string;
  clock: Clock;
  profiles: readonly FakeProviderProfile[];
  /** Simulated start (default: `clock.now()`); degradation phases and rate-limit windows count from it. */
  startTime?: number;
  /** A journal to share, or options for a new one (default: all entries, no bodies). */
  journal?: Journal | JournalOptions;
}

/** A change to the fleet at a moment of the run (scenario timelines). */
export type FleetTimelineEvent = { type: "degrade"; provider: string; phase: DegradationPhaseInput } | { type: "recover"; provider: string } | { type: "set_profile"; profile: FakeProviderProfile };

export interface FakeFleet {
  readonly seed: string;
  readonly clock: Clock;
  readonly startTime: number;
  readonly journal: Journal;
  /** Provider ids in profile order. */
  readonly providers: readonly string[];
  /** The direct transport: routes by URL; an unknown host rejects like a DNS failure. */
  fetch: typeof fetch;
  /** Answers a Request like `fetch` would. */
  handle(request: Request): Promise<Response>;
  /** Routes by URL to a provider; undefined when no fake has this host. */
  dispatch(request: FakeHttpRequest): Promise<FakeOutcome> | undefined;
  /** Sends to one provider; `relativePath` is the path below its base URL (express servers). */
  dispatchTo(provider: string, request: FakeHttpRequest, relativePath: string): Promise<FakeOutcome>;
  profile(id: string): FakeProviderProfile;
  profiles(): FakeProviderProfile[];
  setProfile(id: string, profile: FakeProviderProfile): void;
  /** Adds a degradation phase; without `at` it starts now. */
  degrade(id: string, phase: DegradationPhaseInput): void;
  /** Removes every degradation phase of a provider. */
  recover(id: string): void;
  applyTimelineEvent(event: FleetTimelineEvent): void;
  /** The catalog the gateway should route over. */
  catalog(): Catalog;
}

/**
 * A fleet of fake providers.
 *
 * @example
 * const fleet = createFakeFleet({ seed: "run-1", clock, profiles: [defineFakeProvider({ id: "openai", models: {...} })] });
 * const gateway = createGateway({ fetch: fleet.fetch, clock, catalog: fleet.catalog(), ... });
 */
export function createFakeFleet(options: FakeFleetOptions): FakeFleet {
  const { seed, clock } = options;
  const startTime = options.startTime ?? clock.now();
  const journal = options.journal && "record" in options.journal ? options.journal : createJournal(options.journal);
  const states = new Map<string, ProviderState>();
  for (const profile of options.profiles) {
    if (states.has(profile.id)) throw new Error(`two fake providers have the id "${profile.id}"`);
    states.set(profile.id, createProviderState(profile, { seed, clock, origin: startTime }));
  }
  const routes = buildRoutes([...states.values()].map((s) => ({ id: s.id, baseUrl: s.profile.base_url })));
  let seq = 0;
  const stateOf = (id: string): ProviderState => {
    const state = states.get(id);
    if (!state) throw new Error(`unknown fake provider "${id}": expected one of ${[...states.keys()].join(", ")}`);
    return state;
  };
  const dispatchTo = (id: string, request: FakeHttpRequest, relativePath: string) => handleCall(stateOf(id), request, relativePath, { journal, seq: ++seq });
  // A gateway calls a handful of URLs over and over: each is parsed and routed once (routes never
  // change during a run). The URL objects stay inside the fakes, which only read them.
  const parsed = new Map<string, URL>();
  const routed = new WeakMap<URL, NonNullable<RouteMatch>>();
  const urlOf = (href: string): URL => {
    let url = parsed.get(href);
    if (url === undefined) {
      url = new URL(href);
      if (parsed.size >= PARSED_URLS) parsed.clear();
      parsed.set(href, url);
      const match = matchRoute(routes, url);
      if (match !== undefined) routed.set(url, match);
    }
    return url;
  };
  const dispatch = (request: FakeHttpRequest) => {
    // Only URLs parsed here are in `routed`: a caller's own URL is routed afresh (it may have changed).
    const match = routed.get(request.url) ?? matchRoute(routes, request.url);
    return match ? dispatchTo(match.provider, request, match.relativePath) : undefined;
  };
  const fetchFake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = toFakeRequest(input, init, urlOf);
    const pending = dispatch(request);
    if (!pending) throw unknownHostError(request.url.hostname);
    return toResponse(await pending);
  };
  const setProfile = (id: string, profile: FakeProviderProfile) => {
    const state = stateOf(id);
    if (profile.base_url !== state.profile.base_url) throw new Error(`provider "${id}" cannot change its base URL during a run`);
    reconfigureProvider(state, profile);
  };
  const degrade = (id: string, input: DegradationPhaseInput) => {
    const phase = degradationPhaseSchema.parse(input.at === undefined ? { ...input, at: clock.now() - startTime } : input);
    const current = stateOf(id).profile;
    setProfile(id, { ...current, degradations: [...current.degradations, phase] });
  };
  const recover = (id: string) => setProfile(id, { ...stateOf(id).profile, degradations: [] });
  const profiles = () => [...states.values()].map((s) => s.profile);
  return {
    seed,
    clock,
    startTime,
    journal,
    providers: [...states.keys()],
    fetch: fetchFake,
    handle: (request) => fetchFake(request),
    dispatch,
    dispatchTo,
    profile: (id) => stateOf(id).profile,
    profiles,
    setProfile,
    degrade,
    recover,
    applyTimelineEvent(event) {
      if (event.type === "degrade") degrade(event.provider, event.phase);
      else if (event.type === "recover") recover(event.provider);
      else setProfile(event.profile.id, event.profile);
    },
    catalog: () => catalogFromProfiles(profiles()),
  };
}
