// The `gateway-sim` executable's entry point (bin/gateway-sim.js loads it through tsx).
import { processIo } from "./io.js";
import { runCli } from "./program.js";

// `gateway-sim schema | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), processIo());
