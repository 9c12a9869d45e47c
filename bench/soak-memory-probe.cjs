// Preloaded (`node --require`) into the `serve` child of the soak bench: every second it writes the
// process's V8 heap figures to fd 3 as one JSON line, so the bench can print heap used beside RSS.
const { writeSync } = require("node:fs");
const v8 = require("node:v8");

const timer = setInterval(() => {
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]));
  try {
    writeSync(3, `${JSON.stringify({ rss, heapUsed, heapTotal, external, arrayBuffers, spaces })}\n`);
  } catch {
    // Not spawned by the bench (no fd 3): nothing to report, and nothing more to try.
    clearInterval(timer);
  }
}, 1000);
timer.unref();
