// Checks a scenario's references between its parts and to other files: provider ids used in
// traffic, timeline and expectations; preset slugs; request and incident names. Runs on the raw
// data so it reports alongside, not after, the schema's own issues.
import { existsSync } from "node:fs";
import type { Faker } from "@faker-js/faker";
import type { z } from "zod";
import type { FakeProviderProfile } from "../../fakes/profile/schema.js";
import { createRandom } from "../../core/random.js";
import { createSeededFaker } from "../../fakes/content/seeded-faker.js";
import { parseModelReference } from "../../gateway/request/model-reference.js";
import { templateProblems } from "../run/render-template.js";
import { asArray, asObject, asString, listOf, type RawObject } from "./raw.js";
import { didYouMean } from "../../core/did-you-mean.js";

/** Names a scenario defines, gathered from the raw data before the checks run. */
export interface ScenarioNames {
  providers: Set<string>;
  presets: Set<string>;
  requests: Set<string>;
  incidents: Set<string>;
  /** Resolves a path written in the scenario (relative to its folder). */
  resolve: (path: string) => string;
  /** Raw profile of each provider, for validating `reconfigure` against the result. */
  profiles: Map<string, RawObject>;
  /** The schema of one provider entry (see provider-item.ts). */
  profileSchema: z.ZodType<FakeProviderProfile>;
  /** Slugs of the presets in `presets_dir`, which inline presets must not redefine. */
  dirPresets: Set<string>;
}

/** Profile fields a run cannot change: they define the provider and the catalog. */
const FIXED_PROFILE_FIELDS = ["id", "format", "base_url", "models"];

type Ctx = z.RefinementCtx;

// Only used to try placeholders; its draws never reach a run. Made on first use: most files have none.
let validationFaker: Faker | undefined;

function placeholderFaker(): Faker {
  validationFaker ??= createSeededFaker(createRandom("gateway-sim", "scenario-validation"));
  return validationFaker;
}
type Path = (string | number)[];

function requireProvider(ctx: Ctx, names: ScenarioNames, value: unknown, path: Path): void {
  const id = asString(value);
  if (id === undefined || names.providers.has(id)) return;
  ctx.addIssue({ code: "custom", path, message: `unknown provider "${id}": expected one of the scenario's providers ${listOf(names.providers)}${didYouMean(id, names.providers)}` });
}

function requirePreset(ctx: Ctx, names: ScenarioNames, slug: string, path: Path): void {
  if (names.presets.has(slug)) return;
  ctx.addIssue({ code: "custom", path, message: `unknown preset "${slug}": expected one of ${listOf(names.presets)} (inline \`presets\` or \`presets_dir\`)${didYouMean(slug, names.presets)}` });
}

function checkBody(ctx: Ctx, names: ScenarioNames, body: RawObject, path: Path): void {
  const preset = asString(body.preset);
  if (preset !== undefined) requirePreset(ctx, names, preset.trim().replace(/^@/, ""), [...path, "preset"]);
  const model = asString(body.model);
  const ref = model === undefined ? undefined : parseModelReference(model);
  if (ref?.ok && ref.reference.kind === "preset") requirePreset(ctx, names, ref.reference.preset, [...path, "model"]);
  if (ref?.ok && ref.reference.kind === "model" && ref.reference.pinnedProvider) {
    requireProvider(ctx, names, ref.reference.pinnedProvider, [...path, "model"]);
  }
  for (const key of ["provider", "routing"]) {
    const prefs = asObject(body[key]);
    if (!prefs) continue;
    for (const list of ["order", "only", "ignore"]) {
      asArray(prefs[list]).forEach((id, i) => requireProvider(ctx, names, id, [...path, key, list, i]));
    }
  }
}

function checkTraffic(ctx: Ctx, names: ScenarioNames, traffic: RawObject): void {
  asArray(traffic.requests).forEach((r, i) => {
    const body = asObject(asObject(r)?.body);
    if (body) checkBody(ctx, names, body, ["traffic", "requests", i, "body"]);
  });
  asArray(traffic.load).forEach((l, i) => {
    asArray(asObject(l)?.templates).forEach((t, j) => {
      const body = asObject(asObject(t)?.body);
      if (!body) return;
      const path = ["traffic", "load", i, "templates", j, "body"];
      checkBody(ctx, names, body, path);
      for (const problem of templateProblems(body, placeholderFaker())) ctx.addIssue({ code: "custom", path: [...path, ...problem.path], message: problem.message });
    });
  });
}

function checkReconfigure(ctx: Ctx, names: ScenarioNames, reconfigure: RawObject, path: Path): void {
  const { provider, ...fields } = reconfigure;
  const base = names.profiles.get(asString(provider) ?? "");
  for (const key of Object.keys(fields)) {
    if (FIXED_PROFILE_FIELDS.includes(key)) ctx.addIssue({ code: "custom", path: [...path, key], message: `"${key}" cannot change during a run` });
  }
  if (!base) return;
  const parsed = names.profileSchema.safeParse({ ...base, ...fields });
  for (const issue of parsed.error?.issues ?? []) {
    const key = issue.path[0];
    if (typeof key === "string" && key in fields && !FIXED_PROFILE_FIELDS.includes(key)) {
      ctx.addIssue({ code: "custom", path: [...path, ...(issue.path as Path)], message: issue.message });
    }
  }
}

function checkTimeline(ctx: Ctx, names: ScenarioNames, timeline: unknown[]): void {
  timeline.forEach((raw, i) => {
    const event = asObject(raw);
    if (!event) return;
    requireProvider(ctx, names, asObject(event.degrade)?.provider, ["timeline", i, "degrade", "provider"]);
    requireProvider(ctx, names, event.recover, ["timeline", i, "recover"]);
    const reconfigure = asObject(event.reconfigure);
    requireProvider(ctx, names, reconfigure?.provider, ["timeline", i, "reconfigure", "provider"]);
    if (reconfigure) checkReconfigure(ctx, names, reconfigure, ["timeline", i, "reconfigure"]);
    const file = asString(asObject(event.swap_preset)?.file);
    if (file !== undefined && !existsSync(names.resolve(file))) {
      ctx.addIssue({ code: "custom", path: ["timeline", i, "swap_preset", "file"], message: `preset file not found: ${names.resolve(file)}` });
    }
  });
}

const PROVIDER_LISTS = ["ranked_order", "considered", "failover_path"] as const;

function checkExpectation(ctx: Ctx, names: ScenarioNames, e: RawObject, path: Path): void {
  requireProvider(ctx, names, e.selected_provider, [...path, "selected_provider"]);
  for (const list of PROVIDER_LISTS) asArray(e[list]).forEach((id, i) => requireProvider(ctx, names, id, [...path, list, i]));
  for (const id of Object.keys(asObject(e.excluded) ?? {})) requireProvider(ctx, names, id, [...path, "excluded", id]);
  for (const key of ["provider_share", "first_attempt_share"]) {
    for (const id of Object.keys(asObject(e[key]) ?? {})) requireProvider(ctx, names, id, [...path, key, id]);
  }
  asArray(e.attempts).forEach((a, i) => requireProvider(ctx, names, asObject(a)?.provider, [...path, "attempts", i, "provider"]));
  requireProvider(ctx, names, asObject(e.breaker)?.provider, [...path, "breaker", "provider"]);
  const failover = asObject(e.failover);
  if (failover) {
    requireProvider(ctx, names, failover.from, [...path, "failover", "from"]);
    const incident = asString(failover.incident);
    if (incident !== undefined && !names.incidents.has(incident)) {
      ctx.addIssue({
        code: "custom",
        path: [...path, "failover", "incident"],
        message: `unknown incident "${incident}": expected the name of a timeline event, one of ${listOf(names.incidents)}${didYouMean(incident, names.incidents)}`,
      });
    }
  }
  const request = asString(e.request);
  if (request !== undefined && !names.requests.has(request)) {
    ctx.addIssue({ code: "custom", path: [...path, "request"], message: `unknown request name "${request}": expected one of ${listOf(names.requests)}${didYouMean(request, names.requests)}` });
  }
}

/**
 * Adds an issue for every broken reference in `raw` (the scenario file's data).
 *
 * @example
 * parseConfig(file, text, z.unknown().superRefine((raw, ctx) => checkCrossReferences(raw, names, ctx)));
 */
export function checkCrossReferences(raw: unknown, names: ScenarioNames, ctx: Ctx): void {
  const root = asObject(raw);
  if (!root) return;
  const seen = new Set<string>();
  asArray(root.providers).forEach((p, i) => {
    const id = asString(asObject(p)?.id);
    if (id === undefined) return;
    if (seen.has(id)) ctx.addIssue({ code: "custom", path: ["providers", i, "id"], message: `provider "${id}" is declared twice` });
    seen.add(id);
  });
  asArray(root.presets).forEach((p, i) => {
    const slug = asString(asObject(p)?.slug);
    if (slug !== undefined && names.dirPresets.has(slug)) {
      ctx.addIssue({ code: "custom", path: ["presets", i, "slug"], message: `preset "${slug}" is also defined in presets_dir; give the inline one another slug` });
    }
  });
  const catalog = asString(root.catalog);
  if (catalog !== undefined && catalog !== "default" && !existsSync(names.resolve(catalog))) {
    ctx.addIssue({ code: "custom", path: ["catalog"], message: `catalog file not found: ${names.resolve(catalog)} (or write "default" for the built-in catalog)` });
  }
  const presetsDir = asString(root.presets_dir);
  if (presetsDir !== undefined && !existsSync(names.resolve(presetsDir))) {
    ctx.addIssue({ code: "custom", path: ["presets_dir"], message: `presets folder not found: ${names.resolve(presetsDir)}` });
  }
  const traffic = asObject(root.traffic);
  if (traffic) checkTraffic(ctx, names, traffic);
  checkTimeline(ctx, names, asArray(root.timeline));
  const expectationNames = new Set<string>();
  asArray(root.expectations).forEach((e, i) => {
    const obj = asObject(e);
    if (!obj) return;
    checkExpectation(ctx, names, obj, ["expectations", i]);
    const name = asString(obj.name);
    if (name !== undefined && expectationNames.has(name)) {
      ctx.addIssue({ code: "custom", path: ["expectations", i, "name"], message: `expectation name "${name}" is used twice (names select expectations with --only)` });
    }
    if (name !== undefined) expectationNames.add(name);
  });
}
