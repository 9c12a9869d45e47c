// Seeded single-point mutations of a JSON value, for tests that hold a hand-written shape check to
// the zod schema it stands in for: every mutant the check accepts must be one the schema accepts.
import type { Random } from "../random.js";

export interface JsonMutations {
  /** Values put in place of a field or an array item. */
  replacements: readonly unknown[];
  /** Keys added beside an existing one (default: `extra_<key>`). */
  extraKeys?: readonly string[];
}

/**
 * A copy of `value` with one random node deleted, replaced, or given a sibling key.
 *
 * @example
 * const mutant = mutateJson(body, createRandom("test", "mutations"), { replacements: [null, "", 0, []] });
 */
export function mutateJson(value: unknown, random: Random, mutations: JsonMutations): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        nodes.push({ parent: node, key: i });
        walk(item);
      });
    } else if (typeof node === "object" && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        nodes.push({ parent: node as Record<string, unknown>, key });
        walk(item);
      }
    }
  };
  walk(copy);
  const target = random.pick(nodes);
  const replacement = random.pick(mutations.replacements);
  const roll = random.next();
  if (Array.isArray(target.parent)) {
    if (roll < 0.3) target.parent.splice(target.key as number, 1);
    else target.parent[target.key as number] = replacement;
  } else if (roll < 0.25) delete target.parent[target.key as string];
  else if (roll < 0.45) target.parent[mutations.extraKeys ? random.pick(mutations.extraKeys) : `extra_${target.key}`] = replacement;
  else target.parent[target.key as string] = replacement;
  return copy;
}
