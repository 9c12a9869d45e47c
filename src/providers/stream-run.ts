// The state of one upstream stream as deltas arrive: the accumulated result, the time to first text,
// the queue the consumer reads, and the two moments a caller waits for (begun, ended).
import type { GatewayError } from "../core/errors.js";
import { DeltaQueue } from "./delta-queue.js";
import type { StreamOutcome } from "./invoke-provider.js";
import type { FinishReason, StreamDelta } from "./types.js";

/** Whether the stream began (first text, or completion without text) or failed before that. */
export type StreamBegin = { ok: true; ttftMs: number } | { ok: false; error: GatewayError; durationMs: number };

/** What a StreamRun reports to and times with (methods, not closures: one of each per stream). */
export interface StreamRunHost {
  /** Simulated milliseconds since the call began. */
  elapsed(): number;
  /** The consumer stopped reading the deltas: cancel the call. */
  cancel(): void;
  /** Called once: the stream began (first text, or completion without text) or failed before that. */
  begun(begin: StreamBegin): void;
}

/**
 * Accumulates deltas into an UpstreamResult. `record` returns true on the terminal delta (finish or
 * error), after which the stream must stop being read.
 *
 * @example
 * const run = new StreamRun({ elapsed: () => exchange.elapsed(), cancel: () => exchange.cancel(), begun: (begin) => console.log(begin) });
 * run.record({ type: "text", text: "Hi" });
 */
export class StreamRun {
  readonly deltas: DeltaQueue<StreamDelta>;
  readonly done: Promise<StreamOutcome>;
  readonly #host: StreamRunHost;
  #begun = false;
  #resolveDone!: (outcome: StreamOutcome) => void;
  #id: string | undefined;
  #model: string | undefined;
  #text = "";
  #inputTokens: number | undefined;
  #outputTokens: number | undefined;
  #ttftMs: number | undefined;

  constructor(host: StreamRunHost) {
    this.#host = host;
    this.deltas = new DeltaQueue(() => host.cancel());
    this.done = new Promise((resolve) => (this.#resolveDone = resolve));
  }

  record(delta: StreamDelta): boolean {
    this.deltas.push(delta);
    switch (delta.type) {
      case "start":
        this.#id = delta.id;
        this.#model = delta.model;
        return false;
      case "text":
        this.#text += delta.text;
        this.#markBegun();
        return false;
      case "usage": {
        // Providers send cumulative counts: a later value replaces an earlier one (a key present, even
        // undefined, replaces, as a spread would: no copy of the record per usage delta).
        const { usage } = delta;
        if ("inputTokens" in usage) this.#inputTokens = usage.inputTokens;
        if ("outputTokens" in usage) this.#outputTokens = usage.outputTokens;
        return false;
      }
      case "finish":
        this.#finish(delta.finishReason);
        return true;
      case "error":
        this.#fail(delta.error);
        return true;
    }
  }

  #markBegun(): void {
    if (this.#ttftMs !== undefined) return;
    this.#ttftMs = this.#host.elapsed();
    if (this.#begun) return;
    this.#begun = true;
    this.#host.begun({ ok: true, ttftMs: this.#ttftMs });
  }

  #finish(finishReason: FinishReason): void {
    // A stream without any text "begins" when it completes.
    this.#markBegun();
    this.deltas.close();
    const usage = { inputTokens: this.#inputTokens ?? 0, outputTokens: this.#outputTokens ?? 0 };
    this.#resolveDone({
      result: { id: this.#id, model: this.#model, text: this.#text, finishReason, usage },
      durationMs: this.#host.elapsed(),
      ttftMs: this.#ttftMs ?? this.#host.elapsed(),
    });
  }

  #fail(error: GatewayError): void {
    const durationMs = this.#host.elapsed();
    this.deltas.close();
    // After the first text this only settles `done`.
    if (!this.#begun) {
      this.#begun = true;
      this.#host.begun({ ok: false, error, durationMs });
    }
    this.#resolveDone({ error, durationMs });
  }
}
