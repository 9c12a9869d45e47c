// The `gateway-sim` command line: commander wiring only; each command lives in commands/.
import { availableParallelism } from "node:os";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { DEFAULT_HEALING_MODE, HEALING_MODES } from "../plugins/response-healing/registry.js";
import { FINISH_REASONS } from "../providers/types.js";
import { TRANSPORTS } from "../scenarios/transports.js";
import { GATEWAY_APIS } from "../external/client/gateway-apis.js";
import { externalRunOptions } from "./commands/external-options.js";
import { CliError, EXIT_CODES, type ExitCode } from "./cli-error.js";
import { initCommand } from "./commands/init-command.js";
import type { HealOptions } from "./commands/heal.js";
import type { RunCommandOptions } from "./commands/run-command.js";
import type { ReportCommandOptions } from "./commands/report.js";
import type { CliIo } from "./io.js";
import { isVersionOnly, packageVersion } from "./package-version.js";
import { REPORTERS } from "./reporters.js";
import { parseShard } from "./shard.js";

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number ≥ 1");
  return n;
}

type RegisterCommand = (program: Command, io: CliIo, setExit: (code: ExitCode) => void) => void;

/**
 * Commands defined in their own module (options and all), imported only when that command runs, or
 * for help and unknown-command suggestions: start-up stays the cost of the command actually used.
 * A new command of that kind gets one line here.
 */
const LAZY_COMMANDS: Record<string, () => Promise<RegisterCommand>> = {
  serve: async () => (await import("./commands/serve.js")).registerServeCommand,
  replay: async () => (await import("./commands/replay.js")).registerReplayCommand,
  diff: async () => (await import("./commands/diff.js")).registerDiffCommand,
  fakes: async () => (await import("./commands/fakes.js")).registerFakesCommand,
  "gateway-config": async () => (await import("./commands/gateway-config.js")).registerGatewayConfigCommand,
  "merge-reports": async () => (await import("./commands/merge-reports.js")).registerMergeReportsCommand,
};

/** The lazily defined commands `argv` needs: its own command, or all of them for help and typos. */
export function lazyCommandsFor(argv: readonly string[], eager: readonly string[]): string[] {
  const first = argv.find((arg) => !arg.startsWith("-"));
  if (first !== undefined && first in LAZY_COMMANDS) return [first];
  if (first !== undefined && eager.includes(first)) return [];
  if (first === undefined && isVersionOnly(argv)) return [];
  return Object.keys(LAZY_COMMANDS);
}

async function buildProgram(argv: readonly string[], io: CliIo, setExit: (code: ExitCode) => void): Promise<Command> {
  const program = new Command("gateway-sim")
    .description("Scenario suites for an LLM gateway against fake providers on a simulated clock.")
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  const run = program
    .command("run")
    .description("run scenario files (or every scenario in a folder) and report on their expectations")
    .argument("<paths...>", "scenario files or folders")
    .addOption(new Option("--reporter <name>", "report format").choices(REPORTERS).default("console"))
    .option("--output <file>", "write the json/junit/html report to a file (the console report still prints)")
    .option("--seed <seed>", "override every scenario's seed")
    .option("--runs <n>", "override the number of seeds of statistical scenarios (1: a single run)", positiveInt)
    .option("--update-snapshots", "rewrite routing-decision snapshots from this run")
    .option("--ci", "a missing snapshot fails instead of being written")
    .option("--only <name>", "run only the expectation (or scenario) with this name; `snapshot` for the snapshot only")
    .addOption(new Option("--transport <name>", "how the gateway reaches the fakes").choices(TRANSPORTS))
    .option("--no-timing", "leave wall-clock time out of json/junit reports (byte-identical output)")
    .option("--workers <n>", "worker threads running scenarios and seeds in parallel (1: in-process); reports are identical", positiveInt, availableParallelism())
    .option("--shard <i/n>", "run only share i of n of the files (CI matrix); join the JSON reports with merge-reports", parseShard)
    .option("--no-progress", "no progress bar")
    .option("--no-color", "no colours");
  externalRunOptions(run, GATEWAY_APIS);
  run
    // Loaded on use: the gateway and the fakes are only needed to run scenarios.
    .action(async (paths: string[], options: RunCommandOptions) => {
      const { runCommand } = await import("./commands/run-command.js");
      setExit(await runCommand(paths, options, io));
    });

  program
    .command("validate")
    .description("check scenario files and list every problem, located file:line:column")
    .argument("<paths...>", "scenario files or folders")
    .option("--gateway", "also list, located, the checks an outside gateway cannot be judged on")
    .action(async (paths: string[], options: { gateway?: boolean }) => {
      const { validateCommand } = await import("./commands/validate-command.js");
      setExit(validateCommand(paths, io, options.gateway === true));
    });

  program
    .command("schema")
    .description("print the JSON Schema of scenario files (for editor autocompletion), or of the JSON report")
    .option("--report", "the JSON Schema of `run --reporter json` output instead")
    .option("--output <file>", "write it to a file")
    .action(async (options: { output?: string; report?: boolean }) => {
      const { schemaCommand } = await import("./commands/schema-command.js");
      setExit(schemaCommand(options, io));
    });

  program
    .command("heal")
    .description("heal a saved provider response (a file, or stdin) against a schema; prints the execution record and the healed text as JSON")
    .argument("[file]", "the response text; stdin when omitted or -")
    .option("--schema <file>", "a JSON Schema, or a whole response_format object (JSON); without it: json_object")
    .addOption(new Option("--mode <mode>", "healing mode").choices(HEALING_MODES).default(DEFAULT_HEALING_MODE))
    .addOption(new Option("--finish-reason <reason>", "the provider's finish reason (length: cut off, never healed)").choices(FINISH_REASONS).default("stop"))
    .action(async (file: string | undefined, options: HealOptions) => {
      const { healCommand } = await import("./commands/heal.js");
      setExit(await healCommand(file, options, io));
    });

  program
    .command("report")
    .description("turn a JSON run report (run --reporter json) into the self-contained HTML report")
    .argument("<run.json>", "a JSON report written by `run --reporter json`")
    .option("-o, --output <file>", "the HTML file (default: the report's name with .html)")
    .option("--title <text>", "the page title")
    .action(async (file: string, options: ReportCommandOptions) => {
      const { reportCommand } = await import("./commands/report.js");
      setExit(reportCommand(file, options, io));
    });

  program
    .command("init")
    .description("write a starter scenario and preset (never overwrites a file)")
    .argument("[dir]", "project folder", ".")
    .action((dir: string) => setExit(initCommand(dir, io)));

  const eager = program.commands.map((command) => command.name());
  for (const name of lazyCommandsFor(argv, eager)) {
    const register = await LAZY_COMMANDS[name]?.();
    register?.(program, io, setExit);
  }

  return program;
}

/**
 * Runs the CLI with `argv` (without the node and script entries) and returns the exit code.
 * User errors print one line; only internal errors print a stack.
 *
 * @example
 * process.exitCode = await runCli(["run", "scenarios"], processIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT_CODES.ok;
  try {
    const program = await buildProgram(argv, io, (c) => {
      code = c;
    });
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; commander already printed its usage message.
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.invalid;
    }
    if (error instanceof CliError) {
      io.stderr.write(`gateway-sim: ${error.message} (${error.code})\n`);
      return error.exitCode;
    }
    io.stderr.write(`gateway-sim: internal error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_CODES.internal;
  }
}
