// Transform 1 (§6): a model that wraps its JSON in a Markdown code fence (```json … ```).

const FENCE = "```";
/**
 * What may follow an opening fence: an info string (`json`, `JSON5`, `jsonc`…), then a line break —
 * or, for a one-line fence, the JSON itself. A fence followed by anything else (`]`, the end of the
 * text) is a stray closing fence, not an opening one.
 */
const OPENING = /^[A-Za-z0-9_+.-]*[ \t]*(\r?\n|(?=[{[]))/;

/**
 * Returns the contents of the first fenced code block, trimmed; the text itself when there is none.
 * An opening fence counts only at the start of a line, outside a JSON string, and when the line goes
 * on as an opening fence does; the block ends at the next fence outside a JSON string, or at the end
 * of the text when the closing fence is missing.
 *
 * @example
 * stripMarkdownFence('Here:\n```json\n{"a": "``` inside"}\n```'); // '{"a": "``` inside"}'
 */
export function stripMarkdownFence(text: string): string {
  for (const open of lineStartFences(text)) {
    const opening = OPENING.exec(text.slice(open + FENCE.length));
    if (opening === null) continue;
    const contentStart = open + FENCE.length + opening[0].length;
    const close = findFenceOutsideStrings(text, contentStart);
    const content = text.slice(contentStart, close === -1 ? text.length : close).trim();
    if (content !== "") return content;
  }
  return text;
}

/** Positions of fences at the start of a line (after optional indentation), outside JSON strings. */
function* lineStartFences(text: string): Generator<number> {
  let inString = false;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"' || char === "\n") inString = false; // a prose quote does not span lines
      continue;
    }
    if (lineStart && text.startsWith(FENCE, i)) {
      yield i;
      i += FENCE.length - 1;
      lineStart = false;
      continue;
    }
    if (char === '"') inString = true;
    if (char === "\n") lineStart = true;
    else if (char !== " " && char !== "\t") lineStart = false;
  }
}

function findFenceOutsideStrings(text: string, start: number): number {
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i] as string;
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (text.startsWith(FENCE, i)) return i;
    if (char === '"') inString = true;
  }
  return -1;
}
