// The shared shape of gateway-sim's fast Responses (text-body-response.ts, node-body-response.ts): a
// fetch Response whose body a fast path hands over without a web stream, and which builds the genuine
// Response the first time anything else is asked for, so the rest of the Fetch API is undici's own.

/**
 * A Response without undici's constructor: `Response.prototype` sits below this class's prototype
 * (so `instanceof Response` holds), and every member it has is answered here, from the status and
 * status text or from the genuine Response built on first need. Undici's constructor (its init
 * conversion, an empty Headers and its list, the internal response record) cost ~800 bytes and about
 * a microsecond per upstream call, for a Response whose headers and body the gateway never asks for.
 */
export abstract class LazyBodyResponse implements Response {
  readonly #status: number;
  readonly #statusText: string;
  #real: Response | undefined;

  /** `init` as undici would hold it: see {@link plainStatus}; anything else goes through a real Response first. */
  constructor(init: { status?: number | undefined; statusText?: string | undefined }) {
    const status = init.status ?? 200;
    const statusText = init.statusText ?? "";
    if (plainStatus(status, statusText)) {
      this.#status = status;
      this.#statusText = statusText;
    } else {
      // Undici's conversions and checks, thrown or applied exactly as its constructor would.
      const probe = new Response(null, { status, statusText });
      this.#status = probe.status;
      this.#statusText = probe.statusText;
    }
  }

  /** The genuine Response; called once. A body the fast path already read must come back disturbed. */
  protected abstract build(): Response;

  /** Whether the fast path has read the body (while no genuine Response exists). */
  protected abstract get consumed(): boolean;

  /** The genuine Response if built: from then on it alone holds the body's state. */
  protected get real(): Response | undefined {
    return this.#real;
  }

  protected materialise(): Response {
    this.#real ??= this.build();
    return this.#real;
  }

  get status(): number {
    return this.#status;
  }

  get statusText(): string {
    return this.#statusText;
  }

  get ok(): boolean {
    return this.#status >= 200 && this.#status <= 299;
  }

  /** What `new Response(…)` answers: these fast Responses stand for constructed ones, not fetched ones. */
  get type(): Response["type"] {
    return "default";
  }

  get url(): string {
    return "";
  }

  get redirected(): boolean {
    return false;
  }

  /** The genuine Response's (filling a Headers costs more than the rest of a Response: built on first use). */
  get headers(): Headers {
    return this.materialise().headers;
  }

  get body(): ReadableStream<Uint8Array> | null {
    return this.materialise().body;
  }

  get bodyUsed(): boolean {
    return this.#real !== undefined ? this.#real.bodyUsed : this.consumed;
  }

  text(): Promise<string> {
    return this.materialise().text();
  }

  json(): Promise<unknown> {
    return this.materialise().json() as Promise<unknown>;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.materialise().arrayBuffer();
  }

  /** Node 20's Response has bytes() though the typings lack it. */
  bytes(): Promise<Uint8Array> {
    return (this.materialise() as Response & { bytes(): Promise<Uint8Array> }).bytes();
  }

  blob(): Promise<Blob> {
    return this.materialise().blob();
  }

  formData(): Promise<FormData> {
    return this.materialise().formData();
  }

  clone(): Response {
    return this.materialise().clone();
  }
}

// Below every fast Response: `instanceof Response`, Symbol.toStringTag and util.inspect are undici's.
Object.setPrototypeOf(LazyBodyResponse.prototype, Response.prototype);

/** Undici's reason-phrase rule (HTAB, SP, visible ASCII, obs-text). */
const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** A status and status text undici's constructor takes as they are (an integer in 200..599, a valid phrase). */
function plainStatus(status: number, statusText: string): boolean {
  return Number.isInteger(status) && status >= 200 && status <= 599 && (statusText === "" || REASON_PHRASE.test(statusText));
}
