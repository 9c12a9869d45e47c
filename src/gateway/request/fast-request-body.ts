// The request body's fast path: common fields checked by hand, rare ones by their own zod field schema,
// into the schema's normalise(). Anything it does not accept goes to the whole schema, so errors stay zod's.
import type { z } from "zod";
import type { ChatMessage } from "../../providers/types.js";
import { STOP_LIMITS, TEMPERATURE_RANGE, TOP_P_RANGE } from "./generation-fields.js";
import { IGNORED_OPENAI_PARAMETERS } from "./ignored-parameters.js";
import { CONTENT_PART_TYPES, INPUT_ROLES, MESSAGE_ITEM_KEYS, textInput, toChatMessage } from "./input-items.js";
import { parseModelReference } from "./model-reference.js";
import { presentKeys } from "./present-keys-schema.js";
import { hasCamelCaseProviderKey, normalisePreferences, PROVIDER_FIELD_SCHEMAS, PROVIDER_LIST_ENTRY_MIN_LENGTH, type ProviderShape, snakeCaseProviderKeys } from "./provider-preferences.js";
import { BODY_FIELD_SCHEMAS, type Body, normalise, type ResponsesRequest } from "./responses-request-schema.js";

/** How many bodies took the fast path and how many were left to the schema (read by the equivalence test). */
export const fastPathCounts = { fast: 0, fallback: 0 };

/** A field reader's "not recognised": the value is left to the field's zod schema. */
const UNREAD: unique symbol = Symbol("unread");
type Reader = (value: unknown) => unknown;

/** Every key an object may hold: its zod field schema, and the hand check for the common values when there is one. */
type FieldSet = ReadonlyMap<string, { schema: z.ZodType; read: Reader | undefined }>;

/** The field set of `schemas`' keys (so the fast path knows no key the schema does not), with `readers` where given. */
function fieldSet(schemas: Readonly<Record<string, z.ZodType>>, readers: Readonly<Record<string, Reader>>): FieldSet {
  return new Map(Object.entries(schemas).map(([key, schema]) => [key, { schema, read: Object.hasOwn(readers, key) ? readers[key] : undefined }]));
}

/**
 * The normalised request for a body the fast path fully recognises, exactly as
 * `requestSchemaOf(raw).safeParse(raw)` would give it; undefined for any other body.
 *
 * @example
 * fastRequestBody({ model: "openai/gpt-5.4-nano", input: "Hi" })?.input; // [{ role: "user", content: "Hi" }]
 */
export function fastRequestBody(raw: Record<string, unknown>): ResponsesRequest | undefined {
  const body = readObject(BODY, raw);
  if (body === UNREAD || !REQUIRED_BODY_KEYS.every((key) => key in body)) {
    fastPathCounts.fallback++;
    return undefined;
  }
  fastPathCounts.fast++;
  // Every field was read by a check the schema would pass, to the value it would output.
  return normalise(body as Body);
}

/** Each own key's value, read; UNREAD when any key is unknown or its value one the readers and schemas refuse. */
function readObject(set: FieldSet, value: unknown): Record<string, unknown> | typeof UNREAD {
  if (!isPlainObject(value)) return UNREAD;
  const out: Record<string, unknown> = {};
  // for…in over own keys lists what Object.keys would, in its order, without the array.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const entry = set.get(key);
    if (entry === undefined) return UNREAD;
    const field = value[key];
    const read = entry.read === undefined ? UNREAD : entry.read(field);
    if (read !== UNREAD) {
      out[key] = read;
      continue;
    }
    // Rare fields and values (null, objects of rare shape): the field's own schema, alone.
    const parsed = entry.schema.safeParse(field);
    if (!parsed.success) return UNREAD;
    out[key] = parsed.data;
  }
  return out;
}

/** A plain object (what JSON.parse makes): other prototypes carry inherited keys zod would see. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function inRange(value: unknown, range: { readonly min: number; readonly max: number }): unknown {
  return typeof value === "number" && value >= range.min && value <= range.max ? value : UNREAD;
}

const readString: Reader = (value) => (typeof value === "string" ? value : UNREAD);
const readBoolean: Reader = (value) => (typeof value === "boolean" ? value : UNREAD);
const readAsIs: Reader = (value) => value;

function isProviderList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === "string" && entry.length >= PROVIDER_LIST_ENTRY_MIN_LENGTH);
}

/** zod outputs a copy of an array; so does the fast path, so no later stage shares the caller's. */
const readProviderList: Reader = (value) => (isProviderList(value) ? value.slice() : UNREAD);

const PROVIDER = fieldSet(PROVIDER_FIELD_SCHEMAS, { order: readProviderList, only: readProviderList, ignore: readProviderList, sort: readString, mode: readString });

const readPreferences: Reader = (value) => {
  if (!isPlainObject(value)) return UNREAD;
  // Without camelCase keys the renamed copy would hold the same keys and values: read the object itself.
  // (An own `__proto__` key, which the copy would lose, is unknown to the readers: the schema gets it.)
  const shape = readObject(PROVIDER, hasCamelCaseProviderKey(value) ? snakeCaseProviderKeys(value) : value);
  return shape === UNREAD ? UNREAD : normalisePreferences(shape as ProviderShape);
};

const ROLES: ReadonlySet<unknown> = new Set(INPUT_ROLES);
const PART_TYPES: ReadonlySet<unknown> = new Set(CONTENT_PART_TYPES);

/** Text parts with exactly `type` and `text` (replayed output parts with annotations go to the schema). */
function isTextParts(value: unknown): value is { text: string }[] {
  if (!Array.isArray(value)) return false;
  for (const part of value) {
    if (!isPlainObject(part) || !PART_TYPES.has(part["type"]) || typeof part["text"] !== "string" || Object.keys(part).length !== 2) return false;
  }
  return true;
}

function readMessage(item: unknown): ChatMessage | undefined {
  if (!isPlainObject(item)) return undefined;
  const role = item["role"];
  const content = item["content"];
  if (!ROLES.has(role) || (typeof content !== "string" && !isTextParts(content))) return undefined;
  for (const key of Object.keys(item)) {
    if (!MESSAGE_ITEM_KEYS.has(key)) return undefined;
    const value = item[key];
    if (key === "type" && value !== undefined && value !== "message") return undefined;
    if ((key === "id" || key === "status") && value !== undefined && typeof value !== "string") return undefined;
  }
  return toChatMessage({ role: role as ChatMessage["role"], content });
}

const readInput: Reader = (value) => {
  if (typeof value === "string") return textInput(value);
  if (!Array.isArray(value) || value.length === 0) return UNREAD;
  const messages: ChatMessage[] = [];
  for (const item of value) {
    const message = readMessage(item);
    if (message === undefined) return UNREAD;
    messages.push(message);
  }
  return messages;
};

function isStopSequence(value: unknown): value is string {
  return typeof value === "string" && value.length >= STOP_LIMITS.minLength;
}

const readStop: Reader = (value) => {
  if (isStopSequence(value)) return [value];
  if (Array.isArray(value) && value.length >= 1 && value.length <= STOP_LIMITS.maxSequences && value.every(isStopSequence)) return value.slice();
  return UNREAD;
};

/**
 * `{ enabled?: boolean, ttl_seconds?: positive number }` as the schema outputs it: `{ enabled, ttlSeconds }`
 * without the unset keys, in that order whatever the body's.
 */
const readResponseCaching: Reader = (value) => {
  if (!isPlainObject(value)) return UNREAD;
  let enabled: boolean | undefined;
  let ttlSeconds: number | undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const field = value[key];
    if (key === "enabled" && typeof field === "boolean") enabled = field;
    else if (key === "ttl_seconds" && typeof field === "number" && Number.isFinite(field) && field > 0) ttlSeconds = field;
    else return UNREAD;
  }
  if (enabled === undefined) return ttlSeconds === undefined ? {} : { ttlSeconds };
  return ttlSeconds === undefined ? { enabled } : { enabled, ttlSeconds };
};

const readModel: Reader = (value) => {
  if (typeof value !== "string") return UNREAD;
  const parsed = parseModelReference(value);
  return parsed.ok ? parsed.reference : UNREAD;
};

const BODY = fieldSet(BODY_FIELD_SCHEMAS, {
  ...Object.fromEntries(IGNORED_OPENAI_PARAMETERS.map((name) => [name, readAsIs])),
  model: readModel,
  input: readInput,
  instructions: readString,
  temperature: (value) => inRange(value, TEMPERATURE_RANGE),
  top_p: (value) => inRange(value, TOP_P_RANGE),
  max_output_tokens: (value) => (Number.isSafeInteger(value) && (value as number) > 0 ? value : UNREAD),
  seed: (value) => (Number.isSafeInteger(value) ? value : UNREAD),
  stop: readStop,
  stream: readBoolean,
  meta: readBoolean,
  provider: readPreferences,
  routing: readPreferences,
  response_caching: readResponseCaching,
});

/** The body keys the schema requires (reported as missing when absent): the fast path leaves such bodies to it. */
const REQUIRED_BODY_KEYS = presentKeys(BODY_FIELD_SCHEMAS, {});
