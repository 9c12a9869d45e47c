// One HTTP bench target in its own process, so autocannon (in the bench's process) and the
// target do not share an event loop: `node --import tsx --import ./bench/built-js.mjs bench/http/target-process.ts <kind> [upstream]`.
// Prints `READY <url>` once listening; exits when its stdin closes.
import { startFloorProxy } from "./floor-proxy.js";
import { startGatewayTarget } from "./gateway-target.js";
import { startUpstream } from "./upstream.js";

const [kind, upstream = ""] = process.argv.slice(2);
const started = kind === "upstream" ? await startUpstream() : kind === "floor" ? await startFloorProxy(upstream) : kind === "gateway" ? await startGatewayTarget(upstream) : undefined;
if (!started) {
  process.stderr.write(`unknown bench target ${kind ?? "(none)"}: expected upstream, floor or gateway\n`);
  process.exit(2);
}
process.stdout.write(`READY ${started.url}\n`);
process.stdin.resume();
process.stdin.on("end", () => void started.close().then(() => process.exit(0)));
