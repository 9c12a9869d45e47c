// How a scenario's gateway reaches its fakes. Kept apart from the scenario schema so the CLI can
// list the choices without loading zod and every schema at start-up.
export const TRANSPORTS = ["direct", "msw"] as const;
export type Transport = (typeof TRANSPORTS)[number];
