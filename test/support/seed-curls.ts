// The curl examples of the documentation seeds (../shared/seeds/*.txt), read from the files themselves,
// so the end-to-end tests POST exactly what the documentation prints.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SEEDS_DIR = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

export interface SeedCurl {
  file: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Every `curl URL -H … -d '…'` command in the seeds, in file order. */
export function seedCurls(): SeedCurl[] {
  const curls: SeedCurl[] = [];
  for (const file of readdirSync(SEEDS_DIR).filter((f) => f.endsWith(".txt")).sort()) {
    const text = readFileSync(`${SEEDS_DIR}${file}`, "utf8");
    for (const match of text.matchAll(/curl (\S+)((?:\s*\\\n\s*-H "[^"]*")*)\s*\\\n\s*-d '([^']*)'/g)) {
      const headers: Record<string, string> = {};
      for (const header of (match[2] ?? "").matchAll(/-H "([^:]+): ([^"]*)"/g)) headers[(header[1] ?? "").toLowerCase()] = header[2] ?? "";
      curls.push({ file, url: match[1] ?? "", headers, body: match[3] ?? "" });
    }
  }
  return curls;
}
