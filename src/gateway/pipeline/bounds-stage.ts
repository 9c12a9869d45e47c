// The first check of every body, before any recursive walk (zod, ajv, the cache key) sees it: a body
// nested too deep or too wide is a flat 400 naming the JSON path and the limit, never a stack overflow.
import { checkJsonBounds } from "../../core/json-bounds.js";
import type { GatewayError } from "../../core/errors.js";
import { validationError } from "../request/validation-error.js";
import type { GatewaySettings } from "../settings.js";

/**
 * @example
 * const error = checkBodyBounds(body, env.settings.limits);
 * if (error) return errorResponse(base, error, env);
 */
export function checkBodyBounds(body: unknown, limits: GatewaySettings["limits"]): GatewayError | undefined {
  const breach = checkJsonBounds(body, {
    maxDepth: limits.maxJsonDepth,
    maxObjectKeys: limits.maxObjectKeys,
    maxArrayItems: limits.maxArrayItems,
    maxNodes: limits.maxJsonNodes,
  });
  if (breach === undefined) return undefined;
  const setting = SETTING_NAMES[breach.limit];
  return validationError([{ path: breach.path, keyword: setting, message: `${breach.message} (limits.${setting}: ${breach.max})` }]);
}

/** The settings' names of the bounds, as a user overrides them under `settings.limits`. */
const SETTING_NAMES = { maxDepth: "maxJsonDepth", maxObjectKeys: "maxObjectKeys", maxArrayItems: "maxArrayItems", maxNodes: "maxJsonNodes" } as const;

/**
 * A stack overflow (RangeError) from any walk the bounds did not foresee is still the input's doing:
 * a 400, not a 500.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
