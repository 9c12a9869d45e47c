// A scenario ready to run: the parsed file plus everything it references, resolved.
import type { z } from "zod";
import type { FakeProviderProfile } from "../../fakes/profile/schema.js";
import type { Catalog } from "../../gateway/catalog/schema.js";
import type { Preset } from "../../gateway/presets/preset-schema.js";
import type { ScenarioFile } from "../schema/scenario.js";
import type { RawObject } from "./raw.js";

export interface LoadedScenario {
  /** The path as given (reports and reproduce commands print it). */
  file: string;
  name: string;
  spec: ScenarioFile;
  /** The gateway's catalog: the fake profiles' offers. */
  catalog: Catalog;
  /** Presets from `presets_dir`, then inline ones. */
  presets: Preset[];
  /** The preset each `swap_preset` event installs, by timeline index. */
  swapPresets: Map<number, Preset>;
  /** Each provider's profile as written, for applying `reconfigure` events. */
  rawProfiles: Map<string, RawObject>;
  /** Parses a provider entry (with the scenario's catalog) into a profile. */
  profileSchema: z.ZodType<FakeProviderProfile>;
}
