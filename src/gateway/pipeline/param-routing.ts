// `meta.routing`'s parameter fields (pipeline/after/index.ts:273-285): the request's parameters and how
// parameter support narrowed the providers. gateway-sim names the parameters it checks offers for;
// the counts and dropped providers come from the reference's capability validation, which gateway-sim
// folds into routing's filter stages, so they stay null / [] here (see the F3 fidelity fragment).
import type { Prepared } from "./prepare-stage.js";
import type { ParamRouting } from "./response-body.js";

/**
 * @example
 * paramRoutingOf(prepared); // { requested_params: ["temperature", "response_format"], param_provider_count_before: null, … }
 */
export function paramRoutingOf(prepared: Pick<Prepared, "parameters">): ParamRouting {
  return { requested_params: [...prepared.parameters], param_provider_count_before: null, param_provider_count_after: null, param_dropped_providers: [] };
}
