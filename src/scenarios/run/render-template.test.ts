import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { createSeededFaker } from "../../fakes/content/seeded-faker.js";
import { renderTemplate, templateProblems } from "./render-template.js";

describe("request templates", () => {
  it("renders placeholders anywhere in the body and copies everything else", () => {
    const faker = createSeededFaker(createRandom("t"));
    const body = { model: "openai/gpt-5.4-nano", input: [{ role: "user", content: "Hi {{person.firstName}}" }], temperature: 0.2 };
    const out = renderTemplate(body, faker) as typeof body;
    expect(out.model).toBe("openai/gpt-5.4-nano");
    expect(out.temperature).toBe(0.2);
    expect(out.input[0]?.content).toMatch(/^Hi [A-Z][a-z]+/);
    expect(body.input[0]?.content).toBe("Hi {{person.firstName}}");
  });

  it("names placeholders faker cannot render, by path", () => {
    const faker = createSeededFaker(createRandom("t"));
    expect(templateProblems({ input: ["ok {{lorem.word}}", "bad {{lorem.nope}}"] }, faker)).toEqual([
      { path: ["input", 1], message: "cannot render faker placeholder: Cannot resolve expression 'lorem.nope'" },
    ]);
  });
});
