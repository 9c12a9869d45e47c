// `gateway-sim gateway-config --target portkey|litellm <scenario>`: the config another gateway needs
// to route one scenario request's model over the scenario's fakes, with what it cannot express
// printed as warnings on stderr.
import { resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { formatConfigIssue } from "../../core/load-config.js";
import { CliError, EXIT_CODES, type ExitCode } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { writeReportFile } from "./run-command.js";

export const CONFIG_TARGETS = ["portkey", "litellm"] as const;
export type ConfigTarget = (typeof CONFIG_TARGETS)[number];

export interface GatewayConfigOptions {
  target: ConfigTarget;
  request?: string | undefined;
  fakesUrl?: string | undefined;
  speed: number;
  output?: string | undefined;
}

/**
 * @example
 * await gatewayConfigCommand("s.yaml", { target: "portkey", speed: 20 }, processIo());
 */
export async function gatewayConfigCommand(file: string, options: GatewayConfigOptions, io: CliIo): Promise<ExitCode> {
  const { loadScenario } = await import("../../scenarios/load/load-scenario.js");
  const { routePlan } = await import("../../external/config/route-plan.js");
  const loaded = loadScenario(resolve(io.cwd, file));
  if (!loaded.ok) {
    for (const issue of loaded.issues) io.stderr.write(`${formatConfigIssue(issue)}\n`);
    return EXIT_CODES.invalid;
  }
  const planned = routePlan(loaded.scenario, { request: options.request, fakesUrl: options.fakesUrl });
  if (!planned.ok) throw new CliError("E_INVALID_INPUT", `${file}: ${planned.message}`);
  const { plan } = planned;
  const settings = loaded.scenario.spec.settings;
  const warnings = [...plan.warnings];
  let text: string;
  if (options.target === "portkey") {
    const { portkeyConfig } = await import("../../external/config/portkey-config.js");
    const { attemptDeadlineMs } = await import("../../gateway/pipeline/upstream-request.js");
    if (plan.sort === "latency" || plan.sort === "throughput") {
      warnings.push(
        `sort: ${plan.sort} follows measured health; Portkey has no health-aware routing, so this fallback keeps the catalog's order (${plan.offers.map((o) => o.provider).join(" → ")}) and will not move traffic off a provider that slows down`,
      );
    }
    text = `${JSON.stringify(portkeyConfig(plan, { attemptTimeoutMs: attemptDeadlineMs(settings), speed: options.speed }), null, 2)}\n`;
  } else {
    const { liteLlmConfig } = await import("../../external/config/litellm-config.js");
    const { stringify } = await import("yaml");
    if (plan.sort === "throughput") warnings.push("sort: throughput has no LiteLLM strategy; latency-based-routing is the nearest");
    warnings.push("LiteLLM's breaker differs: allowed_fails/cooldown_time cool one deployment down after N failures, with no half-open probes");
    text = `# LiteLLM proxy config for ${plan.model} over the fakes of ${file} (gateway-sim gateway-config)\n${stringify(liteLlmConfig(plan, settings, { speed: options.speed }))}`;
  }
  for (const w of warnings) io.stderr.write(`warning: ${w}\n`);
  if (options.output === undefined) io.stdout.write(text);
  else writeReportFile(io, options.output, text);
  return EXIT_CODES.ok;
}

function positive(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError("expected a number > 0");
  return n;
}

/** Adds `gateway-config` to the program (src/cli/program.ts). */
export function registerGatewayConfigCommand(program: Command, io: CliIo, setExit: (code: ExitCode) => void): void {
  program
    .command("gateway-config")
    .description("write a Portkey config or a LiteLLM config.yaml that routes a scenario's model over its fakes")
    .argument("<scenario>", "a scenario file")
    .addOption(new Option("--target <gateway>", "which gateway's config").choices(CONFIG_TARGETS).makeOptionMandatory())
    .option("--request <name>", "the request or load whose routing to express (default: the first)")
    .option("--fakes-url <url>", "where `gateway-sim fakes` serves (default: ${GATEWAY_SIM_<PROVIDER>_URL} placeholders / os.environ)")
    .option("--speed <n>", "the speed the scenario will run at: timeouts and cooldowns are real time", positive, 1)
    .option("--output <file>", "write it to a file")
    .action(async (file: string, options: GatewayConfigOptions) => setExit(await gatewayConfigCommand(file, options, io)));
}
