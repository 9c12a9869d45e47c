// Issue 14 item 2: every error the YAML library raises (alias bombs, unresolved aliases, unsupported
// tags, duplicate keys, nesting past the stack) is a located problem with exit 2 — never "internal error".
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program.js";
import { captureIo } from "./support/capture-io.js";

const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]", "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]", "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]", ""].join(
  "\n",
);

const cases: { name: string; text: string; where: RegExp }[] = [
  { name: "an alias bomb", text: ALIAS_BOMB, where: /bad\.yaml:3:8 aliases expand into more than 1000 copies/ },
  { name: "an unresolved alias", text: "seed: 1\nname: *nope\n", where: /bad\.yaml:2:7 syntax error: Unresolved alias .*: nope/ },
  { name: "a JS function tag", text: 'seed: !!js/function "x"\n', where: /bad\.yaml:1:7 unsupported tag !!js\/function/ },
  { name: "a custom tag", text: "seed: 1\nname: !custom foo\n", where: /bad\.yaml:2:7 unsupported tag !custom/ },
  { name: "a duplicate key", text: "seed: 1\nseed: 2\n", where: /bad\.yaml:2:1 syntax error: Map keys must be unique/ },
  { name: "20,000 nested flow sequences", text: `seed: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`, where: /bad\.yaml:1:\d+ syntax error: nested too deeply to read/ },
  {
    name: "150 nested maps",
    text: `seed: 1\nx:\n${Array.from({ length: 150 }, (_, i) => `${"  ".repeat(i + 1)}a:`).join("\n")}\n${"  ".repeat(151)}1\n`,
    where: /bad\.yaml:\d+:\d+ x(\.a)+: nesting deeper than 100 levels/,
  },
];

describe("YAML errors are located, exit 2", () => {
  for (const command of ["validate", "run"]) {
    for (const { name, text, where } of cases) {
      it(`${command}: ${name}`, async () => {
        const dir = mkdtempSync(join(tmpdir(), "gateway-sim-yaml-"));
        writeFileSync(join(dir, "bad.yaml"), text);
        const io = captureIo();
        const code = await runCli([command, join(dir, "bad.yaml")], io);
        expect(io.out(), io.out()).toMatch(where);
        expect(io.out()).not.toContain("internal error");
        expect(io.out()).not.toMatch(/\n\s+at /);
        expect(code).toBe(2);
      });
    }
  }
});
