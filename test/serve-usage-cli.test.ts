// `gateway-sim serve` prints where the live usage page is, and the page is there (no key needed
// for the page itself); with --key the banner says the page will ask for it.
import { describe, expect, it } from "vitest";
import { serveCommand } from "../src/cli/commands/serve.js";
import { captureIo } from "./support/capture-io.js";

async function bannerOf(key: string | undefined): Promise<{ banner: string; page: Response }> {
  const io = captureIo(process.cwd(), {});
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const exited = serveCommand("scenarios/only-openai-sort-price.yaml", { port: 0, speed: 1, key }, io, () => stopped);
  for (let i = 0; i < 400 && !io.out().includes("Ctrl-C stops."); i++) await new Promise((r) => setTimeout(r, 10));
  const url = /usage {4}(http:\/\/127\.0\.0\.1:\d+\/usage) /.exec(io.out())?.[1];
  if (url === undefined) throw new Error(`no usage line in:\n${io.out()}`);
  const page = await fetch(url);
  stop();
  expect(await exited).toBe(0);
  return { banner: io.out(), page };
}

describe("gateway-sim serve: the usage page in the banner", () => {
  it("prints the /usage URL, which serves the live explorer without a key", async () => {
    const { banner, page } = await bannerOf(undefined);
    expect(banner).toMatch(/ {2}usage {4}http:\/\/127\.0\.0\.1:\d+\/usage \(live request explorer\)\n/);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<section id="explorer">');
  });

  it("says the page asks for the key when --key is set", async () => {
    const { banner, page } = await bannerOf("team-key-77");
    expect(banner).toContain("/usage (live request explorer; it asks for the key)");
    expect(await page.text()).not.toContain("team-key-77");
  });

  it("masks a key given with --key everywhere in the banner (issue 14)", async () => {
    const { banner } = await bannerOf("client-4f9a2c7e81xyz");
    expect(banner).not.toContain("4f9a2c7e81");
    expect(banner).toContain("api key  client-…xyz (masked)");
    expect(banner).toContain('-H "Authorization: Bearer client-…xyz"');
  });
});
