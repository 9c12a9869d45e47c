// Profile files allow a scalar shorthand beside the full object form (`ttft: 400ms` or
// `ttft: { lognormal: … }`). A zod union would report both branches' failures as "Invalid input";
// dispatching on the input's shape reports the one that was meant.
import { z } from "zod";

/**
 * Parses objects with `object` and anything else with `scalar`, keeping the branch's own issues.
 *
 * @example
 * const ttft = scalarOr(durationSchema, z.strictObject({ fixed: durationSchema }), "a duration or a distribution");
 */
export function scalarOr<S extends z.ZodType, O extends z.ZodType>(scalar: S, object: O, expected: string) {
  return z
    .custom<z.input<S> | z.input<O>>(() => true)
    .transform((value, ctx): z.output<S> | z.output<O> => {
      const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
      const result = (isObject ? object : scalar).safeParse(value);
      if (result.success) return result.data as z.output<S> | z.output<O>;
      for (const issue of result.error.issues) {
        const wrongType = issue.path.length === 0 && (issue.code === "invalid_type" || issue.code === "invalid_union");
        if (wrongType) ctx.addIssue({ code: "custom", message: `expected ${expected}`, path: [] });
        else ctx.addIssue({ ...issue });
      }
      return z.NEVER;
    });
}

/** True when exactly one of `keys` is set on `value`; adds a located issue otherwise. */
export function requireExactlyOne(value: Record<string, unknown>, keys: readonly string[], ctx: z.RefinementCtx, what: string): void {
  const present = keys.filter((key) => value[key] !== undefined);
  if (present.length === 1) return;
  ctx.addIssue({
    code: "custom",
    message: present.length === 0 ? `expected one ${what}: ${keys.join(", ")}` : `expected only one ${what}, got ${present.join(" and ")}`,
    path: [],
  });
}
