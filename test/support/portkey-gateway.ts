// Starts the real Portkey gateway (@portkey-ai/gateway, a devDependency) on a free loopback port for
// a test, and stops it. Its start-server.js takes `--port=N` and `--headless`; a preloaded module
// keeps it on 127.0.0.1 (it would otherwise listen on every interface).
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PortkeyGateway {
  url: string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function startServerScript(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@portkey-ai/gateway/package.json")), "build", "start-server.js");
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  // Bounded: 150 tries 100 ms apart; the gateway answers `GET /` once it listens.
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`the Portkey gateway exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/`);
      if ((await res.text()).includes("AI Gateway")) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the Portkey gateway did not start within 15 s");
}

/**
 * @example
 * const portkey = await startPortkey();
 * await runSuite(files, { gateway: { url: portkey.url } });
 * await portkey.stop();
 */
export async function startPortkey(): Promise<PortkeyGateway> {
  const port = await freePort();
  const preload = join(dirname(fileURLToPath(import.meta.url)), "loopback-only.mjs");
  const child = spawn(process.execPath, ["--import", preload, startServerScript(), "--headless", `--port=${port}`], { stdio: ["ignore", "ignore", "pipe"] });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(url, child);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
