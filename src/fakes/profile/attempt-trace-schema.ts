// A provider's logged attempts as a profile writes them (`attempt_trace:`): one compact line per
// attempt — when it started, what the provider answered and how long it took — so a replayed call
// at a logged time gets the logged answer. Incident replay writes these; people can too.
import { z } from "zod";
import { durationSchema } from "../../core/duration.js";

/** What a logged attempt got: an HTTP status, a connection error, or nothing before the gateway gave up. */
export type TracedAnswer = { kind: "status"; status: number } | { kind: "connection_error" } | { kind: "timeout" };

/** One logged attempt (times in ms from the fleet's start). */
export interface TracedAttempt {
  at: number;
  answer: TracedAnswer;
  /** Total time of the attempt as the gateway measured it. */
  latencyMs: number;
  /** Time to the first streamed token, for streams. */
  ttftMs: number | undefined;
  outputTokens: number | undefined;
  /** Tokens per second a stream is paced at after its first token. */
  tokensPerSecond: number | undefined;
}

/**
 * How far (ms) a call may be from a logged attempt and still get its answer. A replay's clock is
 * exact, so a call that reproduces a logged attempt arrives at its logged time to the microsecond;
 * the window only decides whether a call on a path the log did not take (a failover that started
 * earlier or later) gets what the provider answered about then. 50 ms is well above any rounding and
 * well below the gap between calls to one provider at replayed rates (about a second at 1 request/s).
 */
export const DEFAULT_TRACE_TOLERANCE_MS = 50;

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const LINE = new RegExp(String.raw`^${NUMBER}s (\d{3}|conn|timeout) ${NUMBER}ms(?: ttft ${NUMBER}ms)?(?: (\d+) tok)?(?: ${NUMBER} tok/s)?$`);

/** The grammar, for error messages and the JSON Schema description. */
export const TRACE_LINE_FORMAT = '"<start>s <status|conn|timeout> <latency>ms [ttft <ms>ms] [<n> tok] [<speed> tok/s]", e.g. "12.345s 503 8ms"';

function answerOf(token: string): TracedAnswer | undefined {
  if (token === "conn") return { kind: "connection_error" };
  if (token === "timeout") return { kind: "timeout" };
  const status = Number(token);
  return status >= 200 && status <= 599 && !(status >= 300 && status < 400) ? { kind: "status", status } : undefined;
}

/**
 * One attempt line, or undefined when it does not follow TRACE_LINE_FORMAT.
 *
 * @example
 * parseTraceLine("12.345s 200 1520ms ttft 310ms 96 tok 55.6 tok/s"); // { at: 12345, answer: { kind: "status", status: 200 }, latencyMs: 1520, … }
 */
export function parseTraceLine(line: string): TracedAttempt | undefined {
  const m = LINE.exec(line.trim());
  const answer = m ? answerOf(m[2] as string) : undefined;
  if (!m || !answer) return undefined;
  const optional = (i: number): number | undefined => (m[i] === undefined ? undefined : Number(m[i]));
  return { at: Number(m[1]) * 1000, answer, latencyMs: Number(m[3]), ttftMs: optional(4), outputTokens: optional(5), tokensPerSecond: optional(6) };
}

/** Shortest decimal with at most `digits` places (no float noise such as 0.30000000000000004). */
function decimal(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/**
 * The line for an attempt: the start to the microsecond, the rest to 1/1000 ms.
 *
 * @example
 * formatTraceLine({ at: 12345, answer: { kind: "status", status: 503 }, latencyMs: 8, ttftMs: undefined, outputTokens: undefined, tokensPerSecond: undefined }); // "12.345s 503 8ms"
 */
export function formatTraceLine(a: TracedAttempt): string {
  const answer = a.answer.kind === "status" ? String(a.answer.status) : a.answer.kind === "timeout" ? "timeout" : "conn";
  const parts = [`${decimal(a.at / 1000, 6)}s`, answer, `${decimal(a.latencyMs, 3)}ms`];
  if (a.ttftMs !== undefined) parts.push(`ttft ${decimal(a.ttftMs, 3)}ms`);
  if (a.outputTokens !== undefined) parts.push(`${a.outputTokens} tok`);
  if (a.tokensPerSecond !== undefined) parts.push(`${decimal(a.tokensPerSecond, 3)} tok/s`);
  return parts.join(" ");
}

const expectedLine = (line: string) => `expected an attempt line ${TRACE_LINE_FORMAT}; got "${line}"`;

// The regex puts the grammar into the JSON Schema (editors flag a bad line); the transform reads it.
const lineSchema = z
  .string()
  .regex(LINE, { error: (issue) => expectedLine(String(issue.input)) })
  .transform((line, ctx) => {
    const parsed = parseTraceLine(line);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: expectedLine(line) });
      return z.NEVER;
    }
    return parsed;
  });

/**
 * `attempt_trace: { tolerance?, attempts: [...] }`: calls within `tolerance` of a logged attempt not
 * yet answered get its answer (the nearest one); other calls are served by the rest of the profile.
 * The log says what happened, so a traced answer replaces the degradation phases for that call.
 *
 * @example
 * attemptTraceSchema.parse({ attempts: ["12.345s 503 8ms", "13.001s 200 412.5ms 150 tok"] });
 */
export const attemptTraceSchema = z
  .strictObject({
    tolerance: durationSchema.default(DEFAULT_TRACE_TOLERANCE_MS),
    attempts: z
      .array(lineSchema)
      .min(1)
      .meta({ description: `One line per logged attempt: ${TRACE_LINE_FORMAT}. Written by \`gateway-sim replay\`.` }),
  })
  .meta({ description: "Logged attempts answered at their logged times: a call within `tolerance` (default 50ms) of one not yet answered gets its answer; other calls get the rest of the profile." })
  .transform((trace) => ({ tolerance: trace.tolerance, attempts: [...trace.attempts].sort((a, b) => a.at - b.at) }));

export type AttemptTrace = z.output<typeof attemptTraceSchema>;
export type AttemptTraceInput = z.input<typeof attemptTraceSchema>;
