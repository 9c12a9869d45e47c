// Looks up the preset a request names (`preset` or `model: "@slug"`).
import type { GatewayError } from "../../core/errors.js";
import type { ResponsesRequest } from "../request/responses-request-schema.js";
import { validationError } from "../request/validation-error.js";
import type { Preset } from "./preset-schema.js";
import type { PresetStore } from "./preset-store.js";

/** How many known slugs an unknown-preset message lists. */
const LISTED_SLUGS = 10;

export type ResolvePresetResult = { ok: true; preset: Preset | undefined } | { ok: false; error: GatewayError };

/**
 * No preset named → `{ ok: true, preset: undefined }`. An unknown slug is the caller's mistake in
 * the body, so 400 validation_error (keyword `preset_not_found`, path `preset` or `model`), not a
 * 404, which would read as a wrong URL.
 *
 * @example
 * resolvePreset(request, store); // { ok: true, preset: { slug: "release-summary", ... } }
 */
export function resolvePreset(request: Pick<ResponsesRequest, "preset" | "presetSource">, store: PresetStore): ResolvePresetResult {
  if (request.preset === undefined) return { ok: true, preset: undefined };
  const preset = store.get(request.preset);
  if (preset) return { ok: true, preset };
  const known = store.list();
  const listed = known.length === 0 ? "no presets are loaded" : `known presets: ${known.slice(0, LISTED_SLUGS).join(", ")}${known.length > LISTED_SLUGS ? ", …" : ""}`;
  const message = `unknown preset "${request.preset}" (${listed})`;
  return { ok: false, error: validationError([{ message, path: request.presetSource ?? "preset", keyword: "preset_not_found" }]) };
}
