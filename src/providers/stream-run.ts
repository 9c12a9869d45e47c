// The state of one upstream stream as deltas arrive: the accumulated result, the time to first text,
// the queue the consumer reads, and the two moments a caller waits for (begun, ended).
import type { GatewayError } from "../core/errors.js";
import { DeltaQueue } from "./delta-queue.js";
import type { StreamOutcome } from "./invoke-provider.js";
import type { FinishReason, StreamDelta, TokenUsage } from "./types.js";

/** Whether the stream began (first text, or completion without text) or failed before that. */
export type StreamBegin = { ok: true; ttftMs: number } | { ok: false; error: GatewayError; durationMs: number };

/**
 * Accumulates deltas into an UpstreamResult. `record` returns true on the terminal delta (finish or
 * error), after which the stream must stop being read.
 *
 * @example
 * const run = new StreamRun(() => exchange.elapsed(), () => exchange.cancel());
 * run.record({ type: "text", text: "Hi" });
 */
export class StreamRun {
  readonly deltas: DeltaQueue<StreamDelta>;
  readonly begun: Promise<StreamBegin>;
  readonly done: Promise<StreamOutcome>;
  readonly #elapsed: () => number;
  #resolveBegun!: (begin: StreamBegin) => void;
  #resolveDone!: (outcome: StreamOutcome) => void;
  #id: string | undefined;
  #model: string | undefined;
  #text = "";
  #usage: Partial<TokenUsage> = {};
  #ttftMs: number | undefined;

  constructor(elapsed: () => number, onCancel: () => void) {
    this.#elapsed = elapsed;
    this.deltas = new DeltaQueue(onCancel);
    this.begun = new Promise((resolve) => (this.#resolveBegun = resolve));
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
      case "usage":
        // Providers send cumulative counts: a later value replaces an earlier one.
        this.#usage = { ...this.#usage, ...delta.usage };
        return false;
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
    this.#ttftMs = this.#elapsed();
    this.#resolveBegun({ ok: true, ttftMs: this.#ttftMs });
  }

  #finish(finishReason: FinishReason): void {
    // A stream without any text "begins" when it completes.
    this.#markBegun();
    this.deltas.close();
    const usage = { inputTokens: this.#usage.inputTokens ?? 0, outputTokens: this.#usage.outputTokens ?? 0 };
    this.#resolveDone({
      result: { id: this.#id, model: this.#model, text: this.#text, finishReason, usage },
      durationMs: this.#elapsed(),
      ttftMs: this.#ttftMs ?? this.#elapsed(),
    });
  }

  #fail(error: GatewayError): void {
    const durationMs = this.#elapsed();
    this.deltas.close();
    // Resolving an already-resolved promise is a no-op: after the first text this only settles `done`.
    this.#resolveBegun({ ok: false, error, durationMs });
    this.#resolveDone({ error, durationMs });
  }
}
