// Syntax faults on JSON text, the way models really break it: wrapped in a markdown fence or in
// chatter, a trailing comma, JavaScript-style keys, closing brackets missing.

export const TEXT_FAULT_TYPES = ["markdown_fence", "prose_around", "trailing_comma", "unquoted_keys", "missing_closers"] as const;
export type TextFaultType = (typeof TEXT_FAULT_TYPES)[number];

/**
 * `json` with one syntax fault.
 *
 * @example
 * applyTextFault("trailing_comma", '{"a":1}'); // '{"a":1,}'
 */
export function applyTextFault(type: TextFaultType, json: string): string {
  switch (type) {
    case "markdown_fence":
      return "```json\n" + json + "\n```";
    case "prose_around":
      return `Sure! Here is the JSON you asked for:\n\n${json}\n\nLet me know if you need anything else.`;
    case "trailing_comma":
      // One comma after the last member, as in a JavaScript literal; never inside a string.
      return json.replace(/(\s*[}\]])(\s*)$/, ",$1$2");
    case "unquoted_keys":
      return json.replace(/"([A-Za-z_$][\w$]*)"(\s*):/g, "$1$2:");
    case "missing_closers":
      return json.replace(/[\s}\]]+$/, "");
  }
}
