// One ajv instance per dialect, created on first use and shared: building an instance and adding
// the formats costs milliseconds, compiling against an existing one does not.
import { createRequire } from "node:module";
import type { Ajv, Options } from "ajv";
import type { Ajv2019 } from "ajv/dist/2019.js";
import type { Ajv2020 } from "ajv/dist/2020.js";
import type addFormatsPlugin from "ajv-formats";
import { upgradeDraft04 } from "./draft-04.js";
import { DRAFT_04_META_SCHEMA } from "./draft-04-meta-schema.js";
import type { SchemaDraft } from "./schema-draft.js";

type AnyAjv = Ajv | Ajv2019 | Ajv2020;

/**
 * The settings the corpora were checked with (test/fixtures/corpora/README.md), plus:
 * `allErrors`, so a report can list up to 8 problems and extended healing can see every fixable one.
 * (Compiled request schemas are removed from the instance right after compiling, see compile-schema.ts,
 * so two requests whose schemas share an `$id` never clash.)
 */
const AJV_OPTIONS: Options = { strict: false, unicodeRegExp: false, logger: false, allErrors: true };

// ajv is CommonJS and costs ~60 ms to load: required on first use, so commands that compile no
// schema (validate, --version) start without it.
const require = createRequire(import.meta.url);

const instances = new Map<SchemaDraft, AnyAjv>();

/**
 * The shared ajv instance for a dialect. Draft-04 schemas are upgraded to draft-07 before they get
 * here (see draft-04.ts), so draft-04 shares the draft-07 instance.
 *
 * @example
 * const validate = ajvForDraft("2020-12").compile({ type: "string" });
 */
export function ajvForDraft(draft: SchemaDraft): AnyAjv {
  const key: SchemaDraft = draft === "draft-04" ? "draft-07" : draft;
  let ajv = instances.get(key);
  if (ajv === undefined) {
    ajv = createAjv(key);
    instances.set(key, ajv);
  }
  return ajv;
}

function createAjv(draft: SchemaDraft): AnyAjv {
  const ajv =
    draft === "2019-09"
      ? new (require("ajv/dist/2019.js") as typeof import("ajv/dist/2019.js")).Ajv2019(AJV_OPTIONS)
      : draft === "2020-12"
        ? new (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).Ajv2020(AJV_OPTIONS)
        : new (require("ajv") as typeof import("ajv")).Ajv(AJV_OPTIONS);
  // ajv-formats' `module.exports` is the plugin itself, and also carries it as `.default`.
  const addFormats = (require("ajv-formats") as typeof addFormatsPlugin).default;
  // Draft-06 schemas are checked against their own meta-schema, registered beside draft-07's.
  if (draft === "draft-06") ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json") as object);
  // Upgraded draft-04 schemas live in the draft-07 instance and may `$ref` the draft-04 meta-schema.
  if (draft === "draft-07") ajv.addSchema(upgradeDraft04(DRAFT_04_META_SCHEMA));
  addFormats(ajv);
  return ajv;
}
