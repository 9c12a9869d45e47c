// The curl examples of the documentation seeds, copied verbatim into test/fixtures/seeds/seed-curls.json
// (source in its README), so the end-to-end tests POST exactly what the documentation prints.
import { readFileSync } from "node:fs";
import { z } from "zod";

const seedCurlSchema = z.object({
  file: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});
export type SeedCurl = z.infer<typeof seedCurlSchema>;

const SEED_CURLS_FILE = new URL("../fixtures/seeds/seed-curls.json", import.meta.url);

/** Every `curl URL -H … -d '…'` command of the seed pages, in file order. */
export function seedCurls(): SeedCurl[] {
  return z.array(seedCurlSchema).parse(JSON.parse(readFileSync(SEED_CURLS_FILE, "utf8")));
}
