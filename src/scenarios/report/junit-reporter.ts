// JUnit XML for CI systems: one testsuite per scenario, one testcase per expectation (plus the
// routing snapshot), an <error> for a scenario file that does not validate.
import { escapeXml } from "./escape-xml.js";
import { errorLines, expectationFailureLines, issueLines, snapshotFailureLines } from "./failure-text.js";
import type { ScenarioReport, SuiteReport, SuiteTiming } from "./types.js";

function testcase(classname: string, name: string, failure?: { message: string; body: string[]; kind: "failure" | "error" }): string {
  const open = `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(name)}"`;
  if (!failure) return `${open}/>`;
  const body = escapeXml(failure.body.join("\n"));
  return `${open}>\n      <${failure.kind} message="${escapeXml(failure.message)}" type="${failure.kind === "error" ? "invalid_scenario" : "expectation"}">${body}</${failure.kind}>\n    </testcase>`;
}

function suite(s: ScenarioReport, seconds: number | undefined): string {
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  if (s.status === "invalid") {
    errors++;
    cases.push(testcase(s.name, "scenario file is valid", { kind: "error", message: `${s.issues.length} problem(s) in ${s.file}`, body: issueLines(s) }));
  }
  if (s.error) {
    errors++;
    cases.push(testcase(s.name, "scenario runs", { kind: "error", message: s.error, body: errorLines(s) }));
  }
  for (const e of s.expectations) {
    if (!e.passed) failures++;
    const first = e.failures[0];
    const message = first ? `${first.check}: expected ${first.expected}, got ${first.actual}` : "failed";
    cases.push(testcase(s.name, e.name, e.passed ? undefined : { kind: "failure", message, body: expectationFailureLines(e) }));
  }
  if (s.snapshot) {
    const lines = snapshotFailureLines(s);
    if (lines.length > 0) failures++;
    cases.push(testcase(s.name, "routing snapshot", lines.length > 0 ? { kind: "failure", message: lines[0] ?? "", body: lines } : undefined));
  }
  const time = seconds === undefined ? "" : ` time="${seconds.toFixed(3)}"`;
  const head = `  <testsuite name="${escapeXml(s.name)}" file="${escapeXml(s.file)}" tests="${cases.length}" failures="${failures}" errors="${errors}"${time}>`;
  return [head, ...cases, "  </testsuite>"].join("\n");
}

/**
 * @example
 * writeFileSync("junit.xml", renderJunitReport(report, timing));
 */
export function renderJunitReport(report: SuiteReport, timing?: SuiteTiming): string {
  const seconds = new Map(timing?.scenarios.map((t) => [t.file, t.wall_ms / 1000]));
  const suites = report.scenarios.map((s) => suite(s, seconds.get(s.file)));
  const tests = report.scenarios.reduce((n, s) => n + s.expectations.length + (s.snapshot ? 1 : 0) + (s.status === "invalid" || s.error ? 1 : 0), 0);
  const errors = report.scenarios.filter((s) => s.status === "invalid" || s.error).length;
  const failures = report.summary.expectations.failed + report.scenarios.filter((s) => snapshotFailureLines(s).length > 0).length;
  const time = timing ? ` time="${(timing.wall_ms / 1000).toFixed(3)}"` : "";
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="gateway-sim" tests="${tests}" failures="${failures}" errors="${errors}"${time}>`, ...suites, `</testsuites>`, ""].join("\n");
}
