// The shared shape of gateway-sim's fast Responses (text-body-response.ts, node-body-response.ts): a
// fetch Response whose body a fast path hands over without a web stream, and which builds the genuine
// Response the first time anything else is asked for, so the rest of the Fetch API is undici's own.

/** The body members these classes answer themselves; the DOM typings declare them as properties, not methods. */
type BodyMembers = "body" | "bodyUsed" | "text" | "json" | "arrayBuffer" | "blob" | "formData" | "clone" | "headers";
const ResponseBase: new (body: null, init: ResponseInit) => Omit<Response, BodyMembers> = Response;
const baseHeaders = Object.getOwnPropertyDescriptor(Response.prototype, "headers")?.get as ((this: object) => Headers) | undefined;
if (baseHeaders === undefined) throw new Error("Response.prototype.headers has no getter: this Node's fetch is not undici's");

export abstract class LazyBodyResponse extends ResponseBase implements Response {
  #real: Response | undefined;

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

  /**
   * Whether the headers were kept back from the base constructor (filling a Headers costs more than the
   * rest of a Response): then they are the genuine Response's, built on first use.
   */
  protected get headersHeld(): boolean {
    return false;
  }

  get headers(): Headers {
    return this.headersHeld ? this.materialise().headers : (baseHeaders as (this: object) => Headers).call(this);
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

  /** Node 20's Response has bytes() though the typings lack it; without this it would read the empty base body. */
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
