// The report formats `run --reporter` accepts (kept apart so the CLI can list them without loading
// the runner).
export const REPORTERS = ["console", "json", "junit", "html"] as const;
export type Reporter = (typeof REPORTERS)[number];
