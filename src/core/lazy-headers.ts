// A Headers built from a plain record that answers get() from the record and fills its genuine
// undici list only on first use of anything else: `new Headers(record)` validates and appends every
// entry (about 1 µs a call), while the fakes only ever get() two or three names of a request.
// Records a real Headers might treat differently (mixed-case names, padded or invalid values,
// symbol keys, non-string values) are filled at once, so every observable result is undici's own.

type HeadersInput = ConstructorParameters<typeof Headers>[0];
/** The real methods, called on a LazyHeaders once its list is filled (the typings declare them as properties). */
const real = Headers.prototype;
const HeadersBase: new () => object = Headers;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;
const ANY_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VALUE_BREAKING = /[\0\r\n]/;

function isHttpWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** A value the real Headers stores unchanged (no trimming, nothing it would reject). */
function isPlainValue(value: unknown): value is string {
  if (typeof value !== "string") return false;
  if (value === "") return true;
  return !isHttpWhitespace(value.charCodeAt(0)) && !isHttpWhitespace(value.charCodeAt(value.length - 1)) && !VALUE_BREAKING.test(value);
}

/** Names already found to be lower-case tokens: the same few names arrive on every call. */
const plainNames = new Set<string>();
const PLAIN_NAMES_KEPT = 512;

function isPlainName(name: string): boolean {
  if (plainNames.has(name)) return true;
  if (!TOKEN.test(name)) return false;
  if (plainNames.size < PLAIN_NAMES_KEPT) plainNames.add(name);
  return true;
}

/**
 * Whether `init` is a plain record a real Headers would hold exactly as given: lower-case token names,
 * string values it neither trims nor rejects, no symbol keys. Such a record needs no validation later.
 */
export function isPlainHeaderRecord(init: HeadersInput): init is Record<string, string> {
  return plainEntries(init, undefined);
}

/** Whether `init` is a plain record; its entries go into `copy` when given (each value read once, as new Headers reads it). */
function plainEntries(init: HeadersInput, copy: Map<string, string> | undefined): boolean {
  if (init === undefined || init === null || typeof init !== "object") return false;
  const proto: unknown = Object.getPrototypeOf(init);
  if (proto !== Object.prototype && proto !== null) return false;
  if (Object.getOwnPropertySymbols(init).length > 0) return false;
  const record = init as Record<string, unknown>;
  const names = Object.keys(record);
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const value = record[name];
    if (!isPlainName(name) || !isPlainValue(value)) return false;
    copy?.set(name, value);
  }
  return true;
}

/**
 * Whether `pairs` are name/value pairs a real Headers would hold exactly as given (lower-case token
 * names, plain string values).
 */
export function isPlainHeaderPairs(pairs: readonly (readonly string[])[]): boolean {
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i] as readonly string[];
    const name = pair[0];
    if (pair.length !== 2 || typeof name !== "string" || !isPlainName(name) || !isPlainValue(pair[1])) return false;
  }
  return true;
}

/**
 * `new Headers(init)`, with get() answered without filling the real list when `init` is a plain
 * record of lower-case names and plain values.
 *
 * @example
 * const headers = lazyHeaders({ authorization: "Bearer sk" });
 * headers.get("Authorization"); // "Bearer sk"
 */
export function lazyHeaders(init: HeadersInput): Headers {
  // A copy: like new Headers, the result must not see later changes to the caller's record.
  const entries = new Map<string, string>();
  return plainEntries(init, entries) ? new LazyHeaders(entries) : new Headers(init);
}

class LazyHeaders extends HeadersBase implements Headers {
  /** The entries not yet appended to the real list; undefined once they are. */
  #pending: Map<string, string> | undefined;

  constructor(entries: Map<string, string>) {
    super();
    this.#pending = entries;
  }

  #fill(): void {
    const pending = this.#pending;
    if (pending === undefined) return;
    this.#pending = undefined;
    for (const [name, value] of pending) real.append.call(this, name, value);
  }

  get(name: string): string | null {
    const pending = this.#pending;
    // Anything but a valid name string goes to the real get(), which converts or throws as undici does.
    if (pending === undefined || typeof name !== "string" || !ANY_TOKEN.test(name)) {
      this.#fill();
      return real.get.call(this, name);
    }
    return pending.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    this.#fill();
    return real.has.call(this, name);
  }

  set(name: string, value: string): void {
    this.#fill();
    real.set.call(this, name, value);
  }

  append(name: string, value: string): void {
    this.#fill();
    real.append.call(this, name, value);
  }

  delete(name: string): void {
    this.#fill();
    real.delete.call(this, name);
  }

  getSetCookie(): string[] {
    this.#fill();
    return real.getSetCookie.call(this);
  }

  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.#fill();
    real.forEach.call(this, callback, thisArg);
  }

  entries(): ReturnType<Headers["entries"]> {
    this.#fill();
    return real.entries.call(this);
  }

  keys(): ReturnType<Headers["keys"]> {
    this.#fill();
    return real.keys.call(this);
  }

  values(): ReturnType<Headers["values"]> {
    this.#fill();
    return real.values.call(this);
  }

  // An own iterator also keeps undici off its fast path that reads another Headers' list directly
  // (`new Headers(lazy)`, `new Request(url, { headers: lazy })`): it iterates, and so fills first.
  [Symbol.iterator](): ReturnType<Headers["entries"]> {
    this.#fill();
    return real.entries.call(this);
  }

  /** util.inspect and console.log print the real list: fill it first. */
  [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
    this.#fill();
    const base = (Headers.prototype as unknown as Record<symbol, unknown>)[Symbol.for("nodejs.util.inspect.custom")];
    return typeof base === "function" ? (base as (this: Headers, ...args: unknown[]) => string).call(this, depth, options, inspect) : inspect(new Headers(this), options);
  }
}
