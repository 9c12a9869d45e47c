// Transform 3 (§6): a comma before a closing bracket (`[1, 2,]`, `{"a": 1,}`), JavaScript-style.
import { forEachCodeChar, nextNonSpace } from "./json-scanner.js";

/**
 * Drops every comma (outside strings) followed only by whitespace and then `}`, `]` or the end of the
 * text (a comma left dangling where the closers are missing).
 *
 * @example
 * removeTrailingCommas('{"a": [1, 2,], "b": "x,]",}'); // '{"a": [1, 2], "b": "x,]"}'
 */
export function removeTrailingCommas(text: string): string {
  const drop: number[] = [];
  forEachCodeChar(text, (char, index) => {
    if (char !== ",") return;
    const next = nextNonSpace(text, index);
    if (next === text.length || text[next] === "}" || text[next] === "]") drop.push(index);
  });
  if (drop.length === 0) return text;
  let out = "";
  let from = 0;
  for (const index of drop) {
    out += text.slice(from, index);
    from = index + 1;
  }
  return out + text.slice(from);
}
