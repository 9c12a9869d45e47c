// Transform 5 (§6): the model stopped before closing its brackets (`{"a": [1, 2`). Never used when
// the provider's finish reason is `length`: cut-off output is reported as truncated, not healed.
import { forEachCodeChar, onlyBrackets } from "./json-scanner.js";

/**
 * Appends the closers of every bracket still open at the end, innermost first. Returns the text
 * unchanged when it ends inside a string (closing it would guess where the value ended), when a
 * closer does not match its opener (appending cannot fix that), or when there is nothing but brackets
 * (`[` alone is not an empty list the model meant).
 *
 * @example
 * appendMissingClosers('{"a": [1, {"b": "]"'); // unchanged: ends inside a string
 * appendMissingClosers('{"a": [1, {"b": "]"}'); // '{"a": [1, {"b": "]"}]}'
 */
export function appendMissingClosers(text: string): string {
  if (onlyBrackets(text)) return text;
  const stack: string[] = [];
  let mismatched = false;
  const { endsInString } = forEachCodeChar(text, (char) => {
    if (char === "{") stack.push("}");
    else if (char === "[") stack.push("]");
    else if (char === "}" || char === "]") {
      if (stack.pop() !== char) {
        mismatched = true;
        return false;
      }
    }
    return true;
  });
  if (endsInString || mismatched || stack.length === 0) return text;
  return text.trimEnd() + stack.reverse().join("");
}
