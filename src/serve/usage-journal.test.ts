import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS } from "../scenarios/report/request-detail.js";
import { createRandomFactory } from "../core/random.js";
import { VirtualClock } from "../core/virtual-clock.js";
import { createFakeFleet } from "../fakes/fleet.js";
import { defineFakeProvider } from "../fakes/profile/schema.js";
import { createGateway } from "../gateway/create-gateway.js";
import { createPresetStore } from "../gateway/presets/preset-store.js";
import { createUsageJournal, journalingGateway } from "./usage-journal.js";

describe("createUsageJournal", () => {
  it("names an answer by the very body object it was sent with, and cuts long bodies", () => {
    const journal = createUsageJournal(10);
    const planned = { input: "x".repeat(2 * MAX_BODY_CHARS) };
    journal.expectName(planned, "long-one");
    journal.noteAnswer("G-1", planned, undefined);
    journal.noteAnswer("G-2", { ...planned }, { ok: true });
    expect(journal.get("G-1")).toEqual({ name: "long-one", request: { text: JSON.stringify(planned).slice(0, MAX_BODY_CHARS), truncated: true }, response: null });
    expect(journal.get("G-2")).toEqual({ name: null, request: expect.objectContaining({ truncated: true }), response: { text: '{"ok":true}', truncated: false } });
  });

  it("forgets the oldest entries beyond its size", () => {
    const journal = createUsageJournal(2);
    for (const id of ["G-1", "G-2", "G-3"]) journal.noteAnswer(id, "text body", { id });
    expect([journal.get("G-1"), journal.get("G-2")?.request?.text, journal.get("G-3")?.response?.text]).toEqual([undefined, '"text body"', '{"id":"G-3"}']);
  });

  it("holds only the cut text of a long body, not the whole serialised body behind it", async () => {
    // A heap snapshot of a small child process (the built module; vitest's globalSetup builds dist/):
    // V8 names each string by its first characters, and its self size is what it holds.
    const script = `
      import v8 from "node:v8";
      const { createUsageJournal } = await import(process.argv[1]);
      const journal = createUsageJournal(50);
      for (let i = 0; i < 20; i++) journal.noteAnswer("G-" + i, { input: "hi" }, { probe: "journal-probe-" + i, filler: "x".repeat(8000 + i) });
      const chunks = [];
      for await (const chunk of v8.getHeapSnapshot()) chunks.push(chunk);
      const snap = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const fields = snap.snapshot.meta.node_fields;
      const [name, size] = [fields.indexOf("name"), fields.indexOf("self_size")];
      const sizes = [];
      for (let i = 0; i < snap.nodes.length; i += fields.length) {
        if (snap.strings[snap.nodes[i + name]].startsWith('{"probe":"journal-probe-')) sizes.push(snap.nodes[i + size]);
      }
      process.stdout.write(JSON.stringify({ sizes, kept: journal.get("G-19").response.text.length }));
    `;
    const module = new URL("../../dist/serve/usage-journal.js", import.meta.url).href;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, module]);
    const { sizes, kept } = JSON.parse(stdout) as { sizes: number[]; kept: number };
    expect(kept).toBe(MAX_BODY_CHARS);
    // Each of the 20 cut texts (a string header and 1,000 one-byte characters); an 8,000-character body would show
    // here. (The smaller strings are this script's own prefix literal and, before a copy, the slices' views.)
    expect(sizes.filter((size) => size >= MAX_BODY_CHARS)).toHaveLength(20);
    expect(Math.max(...sizes)).toBeLessThan(MAX_BODY_CHARS + 64);
  });

  it("notes the answers of every surface in their own shapes", async () => {
    const clock = new VirtualClock();
    const fleet = createFakeFleet({
      seed: "j",
      clock,
      profiles: [defineFakeProvider({ id: "gemini", models: { "acme/m": { model: "gemini-2.5-flash", price: { input: 1, output: 1 } } }, output_tokens: 5 })],
    });
    const journal = createUsageJournal(10);
    const gateway = journalingGateway(createGateway({ fetch: fleet.fetch, clock, random: createRandomFactory("j"), catalog: fleet.catalog(), presets: createPresetStore([]) }), journal);
    const response = await clock.run(() => gateway.respondOn("messages", { model: "acme/m", max_tokens: 50, messages: [{ role: "user", content: "Hi" }] }));
    const id = response.kind === "json" ? response.record.id : "";
    expect(JSON.parse(journal.get(id)?.response?.text ?? "{}")).toMatchObject({ type: "message", role: "assistant" });
  });
});
