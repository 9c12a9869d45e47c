// Strings matching a JSON-schema `pattern`, for the common subset of regular expressions schemas
// use: literals, escapes (\d \w \s), classes with ranges, groups with alternation, quantifiers.
import type { Random } from "../../core/random.js";

type Node = { t: "lit"; s: string } | { t: "set"; chars: string } | { t: "seq"; items: Node[] } | { t: "alt"; options: Node[] } | { t: "rep"; node: Node; min: number; max: number };

const DIGITS = "0123456789";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const WORD = `${LOWER}${LOWER.toUpperCase()}${DIGITS}_`;
const ESCAPES: Record<string, string> = { d: DIGITS, w: WORD, s: " ", D: LOWER, W: "-", S: LOWER };
/** Unbounded quantifiers (`*`, `+`, `{n,}`) repeat at most this many times beyond their minimum. */
const EXTRA_REPEATS = 3;

class Parser {
  i = 0;
  constructor(readonly src: string) {}

  alt(): Node {
    const options = [this.seq()];
    while (this.src[this.i] === "|") {
      this.i++;
      options.push(this.seq());
    }
    return options.length === 1 ? (options[0] as Node) : { t: "alt", options };
  }

  seq(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") items.push(this.quantified(this.atom()));
    return { t: "seq", items };
  }

  atom(): Node {
    const c = this.src[this.i++] as string;
    if (c === "^" || c === "$") return { t: "lit", s: "" };
    if (c === ".") return { t: "set", chars: WORD };
    if (c === "\\") return this.escape();
    if (c === "[") return this.set();
    if (c === "(") {
      if (this.src.startsWith("?:", this.i)) this.i += 2;
      const inner = this.alt();
      if (this.src[this.i++] !== ")") throw new SyntaxError("unclosed group");
      return inner;
    }
    return { t: "lit", s: c };
  }

  escape(): Node {
    const c = this.src[this.i++] as string;
    return ESCAPES[c] !== undefined ? { t: "set", chars: ESCAPES[c] } : { t: "lit", s: c };
  }

  set(): Node {
    const negated = this.src[this.i] === "^";
    if (negated) this.i++;
    let chars = "";
    while (this.i < this.src.length && this.src[this.i] !== "]") {
      let c = this.src[this.i++] as string;
      if (c === "\\") {
        // An escape inside a class is either a whole class (\d) or one literal character.
        const escaped = this.src[this.i++] ?? "";
        c = ESCAPES[escaped] ?? escaped;
      }
      if (this.src[this.i] === "-" && this.src[this.i + 1] !== "]" && this.i + 1 < this.src.length && c.length === 1) {
        const end = this.src[this.i + 1] as string;
        this.i += 2;
        for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) chars += String.fromCharCode(code);
      } else chars += c;
    }
    this.i++;
    if (negated) chars = [...WORD].filter((ch) => !chars.includes(ch)).join("");
    return { t: "set", chars };
  }

  quantified(node: Node): Node {
    const c = this.src[this.i];
    if (c === "?") return this.#rep(node, 0, 1, 1);
    if (c === "*") return this.#rep(node, 0, EXTRA_REPEATS, 1);
    if (c === "+") return this.#rep(node, 1, 1 + EXTRA_REPEATS, 1);
    const m = c === "{" ? /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i)) : null;
    if (!m) return node;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : min + EXTRA_REPEATS;
    return this.#rep(node, min, max, m[0].length);
  }

  #rep(node: Node, min: number, max: number, width: number): Node {
    this.i += width;
    if (this.src[this.i] === "?") this.i++; // lazy makes no difference to generation
    return { t: "rep", node, min, max };
  }
}

function generate(node: Node, random: Random): string {
  switch (node.t) {
    case "lit":
      return node.s;
    case "set":
      return node.chars.length > 0 ? random.pick([...node.chars]) : "";
    case "seq":
      return node.items.map((item) => generate(item, random)).join("");
    case "alt":
      return generate(random.pick(node.options), random);
    case "rep": {
      const count = random.int(node.min, Math.min(node.max, node.min + EXTRA_REPEATS) + 1);
      let out = "";
      for (let k = 0; k < count; k++) out += generate(node.node, random);
      return out;
    }
  }
}

/**
 * A string matching `pattern`, or undefined when the pattern uses features outside the subset
 * (lookarounds, backreferences…) and the attempt does not match.
 *
 * @example
 * stringForPattern("^[A-Z]{3}-\\d{4}$", random); // "QXT-0381"
 */
export function stringForPattern(pattern: string, random: Random): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
  try {
    const text = generate(new Parser(pattern).alt(), random);
    return regex.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
