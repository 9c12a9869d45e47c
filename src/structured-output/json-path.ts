// Locations inside a JSON value, written the same way everywhere gateway-sim reports one:
// JSONPath-style, rooted at `$`, e.g. `$`, `$.risk_level`, `$.items[0].name`, `$["odd key"]`.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats path segments as `$`-rooted JSONPath.
 *
 * @example
 * formatJsonPath(["items", 0, "risk level"]); // '$.items[0]["risk level"]'
 */
export function formatJsonPath(segments: readonly (string | number)[]): string {
  let out = "$";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Splits an RFC 6901 JSON pointer (ajv's `instancePath`) into segments; all-digit segments become
 * numbers (array indices).
 *
 * @example
 * parseJsonPointer("/items/0/a~1b"); // ["items", 0, "a/b"]
 */
export function parseJsonPointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => {
      const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      return /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment;
    });
}
