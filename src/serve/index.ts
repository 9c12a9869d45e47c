// Public surface of `serve`: a scenario's fakes and gateway over real HTTP on a real (sped-up) clock.
export { DEFAULT_SERVE_PORT, SEED_API_KEY, startServe, type ServeHandle, type ServeOptions } from "./start-serve.js";
export { announcingFleet, describePhase, formatStateChange, type StateChange } from "./announce.js";
export { breakerWatch } from "./breaker-watch.js";
export { pointCatalog } from "./point-catalog.js";
export { stoppableClock, type StoppableClock } from "./stoppable-clock.js";
