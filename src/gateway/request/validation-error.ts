// The one constructor of 400 validation_error: every problem in details[], the first few in the
// description so a log line alone says what to fix.
import { GatewayError, type ErrorDetail } from "../../core/errors.js";

/** How many problems the description lists before "and N more" (details[] always has all). */
const DESCRIPTION_LIMIT = 5;

/**
 * @example
 * validationError([{ message: "required", path: "input", keyword: "required" }]).toJSON();
 * // { error: "validation_error", description: "Invalid request (1 problem): input: required", details: [...] , ... }
 */
export function validationError(details: ErrorDetail[]): GatewayError {
  const listed = details.slice(0, DESCRIPTION_LIMIT).map((d) => `${d.path || "body"}: ${d.message}`);
  const more = details.length > DESCRIPTION_LIMIT ? `; and ${details.length - DESCRIPTION_LIMIT} more` : "";
  const noun = details.length === 1 ? "problem" : "problems";
  return new GatewayError("validation_error", `Invalid request (${details.length} ${noun}): ${listed.join("; ")}${more}`, { details });
}
