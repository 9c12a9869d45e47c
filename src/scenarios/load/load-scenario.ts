// Reads a scenario file with everything it references (catalog, presets folder, preset files of
// the timeline) and returns either a ready-to-run scenario or every located problem at once.
import { readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { z } from "zod";
import { closestMatch } from "../../core/did-you-mean.js";
import { type ConfigIssue, validateConfig } from "../../core/load-config.js";
import { yamlSource } from "../../core/yaml-source.js";
import { compareText } from "../expect/format.js";
import { loadCatalog, loadDefaultCatalog } from "../../gateway/catalog/load-catalog.js";
import type { Catalog } from "../../gateway/catalog/schema.js";
import { loadPresetDir } from "../../gateway/presets/load-preset-dir.js";
import type { Preset } from "../../gateway/presets/preset-schema.js";
import { providerItemSchema } from "../schema/provider-item.js";
import { scenarioSchemaFor } from "../schema/scenario.js";
import { catalogFromProfiles } from "../../fakes/profile/to-catalog.js";
import { checkCrossReferences, type ScenarioNames } from "./cross-references.js";
import { asArray, asObject, asString, type RawObject } from "./raw.js";
import type { LoadedScenario } from "./loaded-scenario.js";
import { loadSwapPresets } from "./swap-presets.js";

export type LoadScenarioResult = { ok: true; scenario: LoadedScenario } | { ok: false; issues: ConfigIssue[] };

interface References {
  catalog: Catalog | undefined;
  dirPresets: Preset[];
  /** The presets folder has a broken file: its slugs are unknown, and references to them not wrong. */
  presetsBroken: boolean;
  issues: ConfigIssue[];
}

/** Options of loadScenario. */
export interface LoadScenarioOptions {
  /**
   * Read the presets from this folder instead of the file's `presets_dir` (used even when the file
   * has none): `gateway-sim diff` runs one scenario against two preset versions.
   */
  presetsDir?: string | undefined;
}

function loadReferences(raw: RawObject, dir: string, options: LoadScenarioOptions): References {
  const out: References = { catalog: undefined, dirPresets: [], presetsBroken: false, issues: [] };
  const catalogRef = asString(raw.catalog);
  if (catalogRef !== undefined) {
    const loaded = catalogRef === "default" ? loadDefaultCatalog() : loadCatalog(join(dir, catalogRef));
    // A missing file is reported at the scenario's `catalog` field by the cross-reference checks.
    if (loaded.ok) out.catalog = loaded.value;
    else if (!loaded.issues.every((i) => i.message === "file not found")) out.issues.push(...loaded.issues);
  }
  const fileDir = asString(raw.presets_dir);
  const presetsDir = options.presetsDir ?? (fileDir === undefined ? undefined : join(dir, fileDir));
  if (presetsDir !== undefined) {
    const loaded = loadPresetDir(presetsDir);
    if (loaded.ok) out.dirPresets = loaded.store.list().flatMap((slug) => loaded.store.get(slug) ?? []);
    // A missing `presets_dir` is reported at that field by the cross-reference checks; a missing override here.
    else if (options.presetsDir !== undefined || !loaded.issues.every((i) => i.message === "presets folder not found")) {
      out.issues.push(...loaded.issues);
      out.presetsBroken = true;
    }
  }
  return out;
}

function namesOf(raw: RawObject, dir: string, refs: References): ScenarioNames {
  const profiles = new Map<string, RawObject>();
  for (const p of asArray(raw.providers)) {
    const obj = asObject(p);
    const id = asString(obj?.id);
    if (obj && id !== undefined) profiles.set(id, obj);
  }
  const dirPresets = new Set(refs.dirPresets.map((p) => p.slug));
  const presets = new Set(dirPresets);
  for (const p of asArray(raw.presets)) {
    const slug = asString(asObject(p)?.slug);
    if (slug !== undefined) presets.add(slug);
  }
  const requests = new Set<string>();
  const incidents = new Set<string>();
  const traffic = asObject(raw.traffic);
  for (const r of [...asArray(traffic?.requests), ...asArray(traffic?.load)]) {
    const name = asString(asObject(r)?.name);
    if (name !== undefined) requests.add(name);
  }
  for (const e of asArray(raw.timeline)) {
    const event = asObject(e);
    const name = asString(event?.name);
    if (name !== undefined) incidents.add(name);
    const swap = asObject(event?.swap_preset);
    const slug =
      asString(asObject(swap?.preset)?.slug) ??
      asString(swap?.file)
        ?.replace(/^.*[\\/]/, "")
        .replace(/\.[^.]+$/, "");
    if (slug !== undefined) presets.add(slug);
  }
  return {
    providers: new Set(profiles.keys()),
    presets,
    requests,
    incidents,
    resolve: (path) => join(dir, path),
    profiles,
    profileSchema: providerItemSchema(refs.catalog),
    dirPresets,
  };
}

/** The cross-reference messages that name what each top-level section defines. */
const FOLLOW_ON: Record<string, string> = {
  providers: "unknown provider ",
  presets: "unknown preset ",
  traffic: "unknown request name ",
  timeline: "unknown incident ",
};

/**
 * One error per root cause: references into a section whose key is misspelt (`trafic:`), or to
 * presets of a folder with a broken file, are not wrong in themselves; the typo or the broken file
 * is already reported, so the follow-on "unknown …" issues are dropped.
 */
function dropFollowOns(raw: RawObject, refs: References, issues: ConfigIssue[]): ConfigIssue[] {
  const keys = Object.keys(raw);
  const unreadable = Object.keys(FOLLOW_ON).filter((section) => raw[section] === undefined && keys.some((key) => closestMatch(key, [section]) === section));
  if (refs.presetsBroken) unreadable.push("presets");
  const prefixes = unreadable.map((section) => FOLLOW_ON[section] as string);
  return issues.filter((issue) => !prefixes.some((prefix) => issue.message.startsWith(prefix)));
}

/** Issues of the scenario file in reading order, then those of referenced files; no duplicates. */
function orderIssues(file: string, issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${i.file}\u0000${i.line}\u0000${i.column}\u0000${i.path}\u0000${i.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const rank = (i: ConfigIssue): number => (i.file === file ? 0 : 1);
  return unique.map(plainMessage).sort((a, b) => rank(a) - rank(b) || compareText(a.file, b.file) || a.line - b.line || a.column - b.column);
}

/** zod's "Invalid input: expected number, received string" → "expected number, received string". */
function plainMessage(issue: ConfigIssue): ConfigIssue {
  return { ...issue, message: issue.message.replace(/^(Invalid input|Too big|Too small|Invalid option|Invalid string|Invalid number|Invalid element): (?=expected)/, "") };
}

/**
 * @example
 * const loaded = loadScenario("scenarios/openai-503-burst.yaml");
 * if (!loaded.ok) console.error(loaded.issues.map(formatConfigIssue).join("\n"));
 */
export function loadScenario(file: string, options: LoadScenarioOptions = {}): LoadScenarioResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `cannot read file: ${String(error)}`;
    return { ok: false, issues: [{ file, line: 1, column: 1, path: "", message }] };
  }
  // Read once, validated three times (raw shape, schema, cross-references): a 5 MB file is read in one pass.
  const source = yamlSource(text);
  const rawResult = validateConfig(file, source, z.unknown());
  if (!rawResult.ok) return rawResult;
  const raw = asObject(rawResult.value);
  if (!raw) return { ok: false, issues: [{ file, line: 1, column: 1, path: "", message: "expected a scenario: a mapping with seed, providers, traffic, expectations" }] };
  const dir = dirname(file);
  const refs = loadReferences(raw, dir, options);
  const names = namesOf(raw, dir, refs);
  const parsed = validateConfig(file, source, scenarioSchemaFor({ catalog: refs.catalog }));
  const cross = validateConfig(
    file,
    source,
    z.unknown().superRefine((value, ctx) => checkCrossReferences(value, names, ctx)),
  );
  const swaps = parsed.ok ? loadSwapPresets(parsed.value, dir) : { presets: new Map<number, Preset>(), issues: [] };
  const issues = [...refs.issues, ...(parsed.ok ? [] : parsed.issues), ...(cross.ok ? [] : dropFollowOns(raw, refs, cross.issues)), ...swaps.issues];
  if (!parsed.ok || issues.length > 0) return { ok: false, issues: orderIssues(file, issues) };
  const spec = parsed.value;
  return {
    ok: true,
    scenario: {
      file,
      name: spec.name ?? basename(file, extname(file)),
      spec,
      catalog: catalogFromProfiles(spec.providers),
      presets: [...refs.dirPresets, ...spec.presets],
      swapPresets: swaps.presets,
      rawProfiles: names.profiles,
      profileSchema: names.profileSchema,
    },
  };
}
