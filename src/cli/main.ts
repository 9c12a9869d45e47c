// The `gateway-sim` executable's entry point (bin/gateway-sim.js runs its bundle, built into dist/cli/).
import { processIo } from "./io.js";
import { isVersionOnly, packageVersion } from "./package-version.js";

// `gateway-sim schema | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const argv = process.argv.slice(2);
// `--version` alone prints what commander would print, without loading commander and every option's
// registry: the CLI's cheapest command costs little more than starting node.
if (isVersionOnly(argv)) process.stdout.write(`${packageVersion()}\n`);
else process.exitCode = await (await import("./program.js")).runCli(argv, processIo());
