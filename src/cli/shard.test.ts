import { describe, expect, it } from "vitest";
import { parseShard, selectShard, shardKey, shardOf } from "./shard.js";

describe("parseShard", () => {
  it("reads i/n and refuses what is not a share", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "1-3", "2"]) expect(() => parseShard(bad)).toThrow(/expected i\/n/);
  });
});

describe("shards", () => {
  const files = Array.from({ length: 40 }, (_, i) => `scenarios/suite-${i}.yaml`);

  it("puts every file in exactly one shard", () => {
    const shards = [1, 2, 3].map((index) => selectShard(files, ["scenarios"], process.cwd(), { index, count: 3 }));
    expect(shards.flat().sort()).toEqual([...files].sort());
    for (const shard of shards) expect(shard.length).toBeGreaterThan(0);
  });

  it("keeps every file in its shard when a file is added", () => {
    const before = files.map((f) => shardOf(shardKey(f, ["scenarios"], process.cwd()), 3));
    const after = [...files, "scenarios/added.yaml"].map((f) => shardOf(shardKey(f, ["scenarios"], process.cwd()), 3)).slice(0, files.length);
    expect(after).toEqual(before);
  });

  it("keys a file by its path under the folder argument, so the suite root's location does not matter", () => {
    expect(shardKey("scenarios/incidents/a.yaml", ["scenarios"], process.cwd())).toBe("incidents/a.yaml");
    expect(shardKey("scenarios/incidents/a.yaml", ["scenarios/incidents/a.yaml"], process.cwd())).toBe("scenarios/incidents/a.yaml");
  });
});
