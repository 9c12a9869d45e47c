// The gateway URL of a `serve` started in-process (serveCommand with captureIo), read from its banner.

/**
 * Waits (up to 10 s) for the banner's last line, then returns the gateway's base URL.
 *
 * @example
 * const exited = serveCommand(file, { port: 0, speed: 1 }, io, () => stopped);
 * const url = await bannerUrl(io); // http://127.0.0.1:<port>
 */
export async function bannerUrl(io: { out: () => string }): Promise<string> {
  for (let i = 0; i < 1_000 && !io.out().includes("Ctrl-C stops."); i++) await new Promise((r) => setTimeout(r, 10));
  const url = /gateway {2}(http:\/\/127\.0\.0\.1:\d+)\/v1\/responses/.exec(io.out())?.[1];
  if (url === undefined) throw new Error(`no banner in:\n${io.out()}`);
  return url;
}
