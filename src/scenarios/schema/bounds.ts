// Numeric bounds that expectations compare an observed value against: `{ min, max }`,
// `{ equals, tolerance }`, or any mix. One shape for rates, counts, costs and durations.
import { z } from "zod";
import { durationSchema } from "../../core/duration.js";

const atLeastOne = (b: Record<string, unknown>): boolean => b.min !== undefined || b.max !== undefined || b.equals !== undefined;
const boundMessage = { error: "expected at least one of min, max, equals" };

/**
 * A bound on a plain number (count, USD, share).
 *
 * @example
 * boundSchema.parse({ max: 0.01 }); // { max: 0.01 }
 */
export const boundSchema = z
  .strictObject({
    min: z.number().optional(),
    max: z.number().optional(),
    equals: z.number().optional(),
    /** Allowed distance from `equals` (absolute). */
    tolerance: z.number().min(0).optional(),
  })
  .refine(atLeastOne, boundMessage);

const rate = z.number().min(0).max(1);

/** A bound on a rate or share in [0, 1]. */
export const rateBoundSchema = z
  .strictObject({
    min: rate.optional(),
    max: rate.optional(),
    equals: rate.optional(),
    tolerance: rate.optional(),
  })
  .refine(atLeastOne, boundMessage);

/** A bound on a duration: `{ max: "800ms" }`. */
export const durationBoundSchema = z
  .strictObject({
    min: durationSchema.optional(),
    max: durationSchema.optional(),
    equals: durationSchema.optional(),
    tolerance: durationSchema.optional(),
  })
  .refine(atLeastOne, boundMessage);

/** Any bound after parsing (durations in ms). */
export interface Bound {
  min?: number | undefined;
  max?: number | undefined;
  equals?: number | undefined;
  tolerance?: number | undefined;
}

/** True when `actual` satisfies every part of `bound`. */
export function withinBound(bound: Bound, actual: number): boolean {
  // Float noise (0.1 + 0.2) must not fail an exact bound.
  const eps = 1e-9 * Math.max(1, Math.abs(actual));
  if (bound.min !== undefined && actual < bound.min - eps) return false;
  if (bound.max !== undefined && actual > bound.max + eps) return false;
  if (bound.equals !== undefined && Math.abs(actual - bound.equals) > (bound.tolerance ?? 0) + eps) return false;
  return true;
}

/**
 * The bound as a reader would say it.
 *
 * @example
 * describeBound({ min: 0.4, max: 0.6 }, String); // ">= 0.4 and <= 0.6"
 */
export function describeBound(bound: Bound, format: (n: number) => string): string {
  const parts: string[] = [];
  if (bound.equals !== undefined) {
    parts.push(bound.tolerance ? `${format(bound.equals)} ± ${format(bound.tolerance)}` : `= ${format(bound.equals)}`);
  }
  if (bound.min !== undefined) parts.push(`>= ${format(bound.min)}`);
  if (bound.max !== undefined) parts.push(`<= ${format(bound.max)}`);
  return parts.join(" and ");
}
