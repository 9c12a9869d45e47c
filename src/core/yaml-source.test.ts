import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { yamlSource } from "./yaml-source.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe("yamlSource", () => {
  it("reads every YAML file of the repository into the same data both ways", () => {
    const files = ["scenarios", "presets", "catalog", "test/fixtures"].flatMap(yamlFiles);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const source = yamlSource(readFileSync(file, "utf8"));
      const located = source.located();
      if (!located.ok) continue; // deliberately broken fixtures: the fast reading must not accept them either
      expect(source.fast(), file).toEqual(located.data);
    }
  });

  it("reads YAML 1.2 core scalars the way the `yaml` library does", () => {
    const text = "a: 0o17\nb: 0x1F\nc: .inf\nd: ~\ne: yes\nf: 2024-01-01\ng: 1e3\nh: '012'\ni: 012\nj: true\n";
    const source = yamlSource(text);
    const located = source.located();
    expect(located.ok).toBe(true);
    if (located.ok) expect(source.fast()).toEqual(located.data);
  });

  it("leaves anything unusual to the located reading", () => {
    expect(yamlSource("a: 1\na: 2\n").fast()).toBeUndefined();
    expect(yamlSource("a: !custom x\n").fast()).toBeUndefined();
    const bomb = `a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [${"*a,".repeat(9)}*a]\nc: [${"*b,".repeat(9)}*b]\n`;
    expect(yamlSource(bomb).fast()).toBeUndefined();
  });
});
