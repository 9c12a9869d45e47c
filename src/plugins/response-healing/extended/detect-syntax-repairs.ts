// Names what `jsonrepair` is about to fix, by lexing the broken text once: the library reports only
// the repaired string, and a plugin record that says "jsonrepair" alone would not help anyone debug
// a provider. The same pass spots repairs that would invent or silently drop content, which extended
// mode refuses.
import type { ExtendedSyntaxRepair } from "../registry.js";

/** Repairs jsonrepair would make that are not lossless: a guessed `null`, or a dropped `...` run. */
export type RefusedRepair = "missing_value" | "ellipsis";

export interface SyntaxRepairScan {
  repairs: ExtendedSyntaxRepair[];
  refusal: RefusedRepair | undefined;
  /** A bare word (not a number or JSON literal) in value position, which jsonrepair makes a string. */
  bareValues: boolean;
}

type FrameState = "key" | "colon" | "value" | "comma";
interface Frame {
  kind: "object" | "array" | "root";
  state: FrameState;
}

/** String delimiters other than `"`; a string opened by one closes at any of them (models mix them). */
const ALT_QUOTES = new Set(["'", "‘", "’", "“", "”", "`", "´", "„", "‚"]);
const PYTHON_LITERALS = new Set(["True", "False", "None"]);
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
/** Whitespace, including the invisible kinds jsonrepair also drops. */
const SPACE = /[\s\u180E\u200B\u200C\u200D\u2060]/;
const WORD_END = /[\s\u180E\u200B\u200C\u200D\u2060{}[\],:"'‘’“”`´„‚]/;
/** Where a bare string value ends: jsonrepair reads `hello world!` as one value, up to a delimiter. */
const BARE_VALUE_END = /[\n{}[\],:"]/;

/**
 * Lists the repairs `text` needs, in the order first seen, or `jsonrepair` when it needs only kinds
 * without a name of their own (unquoted string values, JSONP, leading zeros…).
 *
 * @example
 * detectSyntaxRepairs("{'a': True, // note\n 'b': None}").repairs; // ["normalise_quotes", "python_literals", "strip_comments"]
 */
export function detectSyntaxRepairs(text: string): SyntaxRepairScan {
  const scan = new Scan(text);
  scan.run();
  const repairs = [...scan.found];
  return { repairs: repairs.length > 0 ? repairs : ["jsonrepair"], refusal: scan.refusal, bareValues: scan.bareValues };
}

class Scan {
  readonly found = new Set<ExtendedSyntaxRepair>();
  refusal: RefusedRepair | undefined;
  bareValues = false;
  private readonly stack: Frame[] = [{ kind: "root", state: "value" }];
  private i = 0;
  private lastPunct = "";

  constructor(private readonly text: string) {}

  run(): void {
    const { text } = this;
    while (this.i < text.length) {
      const char = text[this.i] as string;
      if (SPACE.test(char)) this.i++;
      else if (char === "/" && (text[this.i + 1] === "/" || text[this.i + 1] === "*")) this.comment();
      else if (char === "{" || char === "[") this.open(char);
      else if (char === "}" || char === "]") this.close();
      else if (char === ",") this.comma();
      else if (char === ":") this.colon();
      else if (text.startsWith("...", this.i)) this.refuse("ellipsis", 3);
      else if (char === '"') this.token(this.doubleQuoted(), "string");
      else if (ALT_QUOTES.has(char)) this.token(this.altQuoted(), "string");
      else this.token(this.word(), "word");
    }
    if (this.top.kind !== "root") this.found.add("append_missing_closers");
    if (this.top.kind === "object" && (this.top.state === "value" || this.top.state === "colon")) this.refusal ??= "missing_value";
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  private comment(): void {
    this.found.add("strip_comments");
    const block = this.text[this.i + 1] === "*";
    const end = this.text.indexOf(block ? "*/" : "\n", this.i + 2);
    this.i = end === -1 ? this.text.length : end + (block ? 2 : 1);
  }

  private refuse(reason: RefusedRepair, width: number): void {
    this.refusal ??= reason;
    this.i += width;
  }

  private open(char: string): void {
    this.beginValue();
    this.stack.push({ kind: char === "{" ? "object" : "array", state: char === "{" ? "key" : "value" });
    this.lastPunct = char;
    this.i++;
  }

  private close(): void {
    if (this.lastPunct === ",") this.found.add("remove_trailing_commas");
    const frame = this.top;
    if (frame.kind === "object" && (frame.state === "value" || frame.state === "colon")) this.refusal ??= "missing_value";
    if (frame.kind !== "root") this.stack.pop();
    this.lastPunct = "}";
    this.i++;
  }

  private comma(): void {
    const frame = this.top;
    if (frame.kind === "object" && frame.state === "value") this.refusal ??= "missing_value";
    if (frame.kind === "root" && frame.state === "comma") this.found.add("merge_concatenated_values");
    if (frame.state === "comma") frame.state = frame.kind === "object" ? "key" : "value";
    this.lastPunct = ",";
    this.i++;
  }

  private colon(): void {
    if (this.top.kind === "object" && this.top.state === "colon") this.top.state = "value";
    this.lastPunct = ":";
    this.i++;
  }

  /** Moves the enclosing frame past one value (or key), noting a missing comma or colon before it. */
  private beginValue(): void {
    const frame = this.top;
    if (frame.state === "comma") this.found.add(frame.kind === "root" ? "merge_concatenated_values" : "insert_missing_commas");
    if (frame.kind === "object" && frame.state === "colon") this.found.add("insert_missing_colons");
    if (frame.kind === "object") frame.state = frame.state === "key" || frame.state === "comma" ? "colon" : "comma";
    else frame.state = "comma";
  }

  private token(word: string, kind: "string" | "word"): void {
    const frame = this.top;
    const isKey = frame.kind === "object" && (frame.state === "key" || frame.state === "comma");
    this.beginValue();
    this.lastPunct = "";
    if (kind === "string") return;
    if (isKey) this.found.add("quote_bare_keys");
    else if (PYTHON_LITERALS.has(word)) this.found.add("python_literals");
    else if (!JSON_NUMBER.test(word) && word !== "true" && word !== "false" && word !== "null") {
      this.found.add("jsonrepair");
      this.bareValues = true;
    }
  }

  private doubleQuoted(): string {
    const start = this.i;
    let j = this.i + 1;
    while (j < this.text.length && this.text[j] !== '"') {
      if (this.text[j] === "\\") j++;
      else if ((this.text.charCodeAt(j) ?? 32) < 0x20) this.found.add("escape_control_characters");
      j++;
    }
    if (j >= this.text.length) this.found.add("append_missing_closers");
    this.i = j + 1;
    return this.text.slice(start, this.i);
  }

  private altQuoted(): string {
    this.found.add("normalise_quotes");
    const start = this.i;
    let j = this.i + 1;
    while (j < this.text.length && !ALT_QUOTES.has(this.text[j] as string) && this.text[j] !== "\n") j += this.text[j] === "\\" ? 2 : 1;
    this.i = j + 1;
    return this.text.slice(start, this.i);
  }

  /** A bare token; in value position, a non-number runs on through spaces like jsonrepair reads it. */
  private word(): string {
    const start = this.i;
    let j = this.i + 1;
    while (j < this.text.length && !WORD_END.test(this.text[j] as string) && !this.commentAt(j)) j++;
    const first = this.text.slice(start, j);
    const frame = this.top;
    const isValue = !(frame.kind === "object" && (frame.state === "key" || frame.state === "comma"));
    if (isValue && !JSON_NUMBER.test(first) && !PYTHON_LITERALS.has(first) && !["true", "false", "null"].includes(first)) {
      while (j < this.text.length && !BARE_VALUE_END.test(this.text[j] as string) && !this.commentAt(j)) j++;
    }
    this.i = j;
    return this.text.slice(start, j).trim();
  }

  private commentAt(index: number): boolean {
    return this.text[index] === "/" && (this.text[index + 1] === "/" || this.text[index + 1] === "*");
  }
}
