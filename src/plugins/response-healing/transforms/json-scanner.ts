// The one string-aware walk the syntax transforms share: it tells code characters (outside JSON
// double-quoted strings) from string contents, so no transform ever edits a comma, bracket or key
// that sits inside a string value.

/** Called for each character outside strings; return `false` to stop the walk. */
export type CodeCharVisitor = (char: string, index: number) => boolean | void;

/**
 * Walks `text` from `start`, calling `visit` for every character outside a double-quoted string
 * (quotes themselves included, so a caller can see where strings start). Returns whether the text
 * ends inside an unterminated string.
 *
 * @example
 * forEachCodeChar('{"a,": 1,}', (c, i) => { if (c === ",") console.log(i); }); // logs 8 only
 */
export function forEachCodeChar(text: string, visit: CodeCharVisitor, start = 0): { endsInString: boolean } {
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i] as string;
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') {
        inString = false;
        if (visit(char, i) === false) return { endsInString: false };
      }
      continue;
    }
    if (char === '"') inString = true;
    if (visit(char, i) === false) return { endsInString: inString };
  }
  return { endsInString: inString };
}

/**
 * The index of the next character after `index` that is not whitespace, or `text.length`.
 *
 * @example
 * nextNonSpace("a ,  }", 2); // 5
 */
export function nextNonSpace(text: string, index: number): number {
  let i = index + 1;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

/**
 * The index of the last character before `index` that is not whitespace, or -1.
 *
 * @example
 * previousNonSpace("{  a", 3); // 0
 */
export function previousNonSpace(text: string, index: number): number {
  let i = index - 1;
  while (i >= 0 && /\s/.test(text[i] as string)) i--;
  return i;
}

const CLOSER_OF: Record<string, string> = { "{": "}", "[": "]" };

/**
 * Finds the bracket closing the `{` or `[` at `open`, string-aware. Returns -1 when the text ends
 * first or a closer does not match its opener.
 *
 * @example
 * matchingCloser('x {"a": "}"} y', 2); // 11
 */
export function matchingCloser(text: string, open: number): number {
  const stack: string[] = [];
  let found = -1;
  forEachCodeChar(
    text,
    (char, index) => {
      const closer = CLOSER_OF[char];
      if (closer !== undefined) stack.push(closer);
      else if (char === "}" || char === "]") {
        if (stack.pop() !== char) return false;
        if (stack.length === 0) {
          found = index;
          return false;
        }
      }
      return true;
    },
    open,
  );
  return found;
}

/**
 * True when `text` holds nothing but brackets, commas and whitespace: `[` or `{[` alone is not an
 * empty value the model meant, so no repair closes it.
 *
 * @example
 * onlyBrackets(" [ "); // true
 */
export function onlyBrackets(text: string): boolean {
  return /^[\s{}[\],]*$/.test(text);
}
