// A one-line progress bar for long runs on a terminal, redrawn in place; silent elsewhere.
import type { CliIo } from "./io.js";

export interface ProgressBar {
  update(label: string, done: number, expected: number): void;
  /** Erases the bar so the next output starts on a clean line. */
  clear(): void;
}

/** Runs with fewer planned requests finish too fast to need a bar. */
export const PROGRESS_MIN_REQUESTS = 500;
const WIDTH = 24;

/**
 * @example
 * const bar = createProgressBar(io);
 * bar.update("scenarios/storm.yaml", 1200, 6000);
 */
export function createProgressBar(io: CliIo, enabled: boolean): ProgressBar {
  let shown = false;
  let lastPercent = -1;
  return {
    update(label, done, expected) {
      if (!enabled || expected < PROGRESS_MIN_REQUESTS) return;
      const share = Math.min(1, done / expected);
      const percent = Math.floor(share * 100);
      if (percent === lastPercent) return;
      lastPercent = percent;
      const filled = Math.round(share * WIDTH);
      const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
      const line = `${bar} ${String(percent).padStart(3)}% ${done}/${expected} requests  ${label}`;
      io.stdout.write(`\r${line.slice(0, Math.max(20, (io.stdout.columns || 100) - 1))}\u001b[K`);
      shown = true;
    },
    clear() {
      if (shown) io.stdout.write("\r\u001b[K");
      shown = false;
      lastPercent = -1;
    },
  };
}
