import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEMA_DRAFT, detectSchemaDraft } from "./schema-draft.js";

describe("detectSchemaDraft", () => {
  it.each([
    ["http://json-schema.org/draft-04/schema#", "draft-04"],
    ["http://json-schema.org/draft-06/schema#", "draft-06"],
    ["http://json-schema.org/draft-07/schema", "draft-07"],
    ["https://json-schema.org/draft/2019-09/schema", "2019-09"],
    ["https://json-schema.org/draft/2020-12/schema", "2020-12"],
  ])("reads %s as %s", (uri, draft) => {
    expect(detectSchemaDraft({ $schema: uri })).toBe(draft);
  });

  it("treats a top-level string id without $id as draft-04", () => {
    expect(detectSchemaDraft({ id: "http://example.com/s", type: "object" })).toBe("draft-04");
    expect(detectSchemaDraft({ id: "x", $id: "y" })).toBe(DEFAULT_SCHEMA_DRAFT);
  });

  it("defaults to draft-07 without $schema and for unknown dialects", () => {
    expect(DEFAULT_SCHEMA_DRAFT).toBe("draft-07");
    expect(detectSchemaDraft({ type: "object" })).toBe("draft-07");
    expect(detectSchemaDraft({ $schema: "http://json-schema.org/draft-03/schema#" })).toBe("draft-07");
  });
});
