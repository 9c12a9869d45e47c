// One HTTP bench target in its own process, so autocannon (in the bench's process) and the
// target do not share an event loop: `node --import tsx --import ./bench/built-js.mjs bench/http/target-process.ts <kind> [upstream]`.
// Prints `READY <url>` once listening; exits when its stdin closes.
import { startFloorProxy } from "./floor-proxy.js";
import { startFloorUndiciProxy } from "./floor-undici-proxy.js";
import { startGatewayTarget } from "./gateway-target.js";
import { startPassThroughTarget } from "./pass-through-target.js";
import { startUpstream } from "./upstream.js";

const [kind, upstream = ""] = process.argv.slice(2);
const starters: Record<string, (upstream: string) => Promise<{ url: string; close(): Promise<void> }>> = {
  upstream: startUpstream,
  floor: startFloorProxy,
  "floor-undici": startFloorUndiciProxy,
  gateway: startGatewayTarget,
  "pass-through": (upstream) => startPassThroughTarget(upstream),
  "pass-through+pipeline": (upstream) => startPassThroughTarget(upstream, "pipeline"),
  "pass-through+arithmetic": (upstream) => startPassThroughTarget(upstream, "arithmetic"),
  "pass-through+allocation": (upstream) => startPassThroughTarget(upstream, "allocation"),
};
const started = kind !== undefined && Object.hasOwn(starters, kind) ? await starters[kind]?.(upstream) : undefined;
if (!started) {
  process.stderr.write(
    `unknown bench target ${kind ?? "(none)"}: expected upstream, floor, floor-undici, gateway, pass-through, pass-through+pipeline, pass-through+arithmetic or pass-through+allocation\n`,
  );
  process.exit(2);
}
process.stdout.write(`READY ${started.url}\n`);
process.stdin.resume();
process.stdin.on("end", () => void started.close().then(() => process.exit(0)));
// SIGTERM (the bench's fallback stop, or a user's kill) exits the same way, so a --cpu-prof profile is written.
process.on("SIGTERM", () => void started.close().then(() => process.exit(0)));
