// `gateway-sim fakes <scenario> [-- <command> …]`: a scenario's fake providers on one local port for
// a gateway that is not gateway-sim's. Prints and writes their URLs, and with a command, runs it with
// GATEWAY_SIM_<PROVIDER>_URL set, forwards signals to it and exits with its status.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import type { Command } from "commander";
import { parsePort, parseSpeed } from "../option-parsers.js";
import { formatConfigIssue } from "../../core/load-config.js";
import type { FakesHandle } from "../../external/start-fakes.js";
import { childExitStatus, CliError, EXIT_CODES, type ExitCode } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { writeReportFile } from "./run-command.js";
import { untilSignal } from "./serve.js";

export interface FakesCommandOptions {
  port: number;
  speed: number;
  seed?: string | undefined;
  urlsFile: string;
}

/** Exit status of a child killed by a signal, as shells report it (128 + the signal's number). */
const SIGNAL_STATUS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGKILL: 137, SIGTERM: 143 };

function banner(file: string, fakes: FakesHandle, speed: number, env: Record<string, string>, urlsFile: string): string {
  const lines = [`fakes of ${file} at ${speed}× speed (the timeline starts with the first request)`];
  for (const [id, url] of Object.entries(fakes.urls)) lines.push(`  fake     ${id} → ${url}`);
  lines.push(`  journal  ${fakes.control}/journal?after=0`, `  reset    POST ${fakes.control}/reset`, `  urls     ${urlsFile}`);
  for (const [name, value] of Object.entries(env)) lines.push(`  env      ${name}=${value}`);
  return `${lines.join("\n")}\n`;
}

/** Runs `command` with `env` added; SIGINT/SIGTERM go to it; resolves with its exit status. */
function runChild(command: readonly string[], env: Record<string, string>, io: CliIo): Promise<number> {
  const [file, ...args] = command;
  if (file === undefined) return Promise.resolve(0);
  return new Promise((done) => {
    const child = spawn(file, args, { stdio: "inherit", env: { ...process.env, ...env } });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    const finish = (status: number): void => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      done(status);
    };
    child.on("error", (error) => {
      io.stderr.write(`gateway-sim: cannot run ${file}: ${error.message}\n`);
      finish(127);
    });
    child.on("exit", (code, signal) => finish(code ?? (signal ? (SIGNAL_STATUS[signal] ?? 1) : 1)));
  });
}

/**
 * @example
 * const code = await fakesCommand("s.yaml", ["npx", "@portkey-ai/gateway", "--headless"], { port: 0, speed: 1, urlsFile: "fakes.json" }, processIo());
 */
export async function fakesCommand(file: string, command: readonly string[], options: FakesCommandOptions, io: CliIo): Promise<ExitCode> {
  const { loadScenario } = await import("../../scenarios/load/load-scenario.js");
  const { fakeUrlEnv, startFakes } = await import("../../external/start-fakes.js");
  const loaded = loadScenario(resolve(io.cwd, file));
  if (!loaded.ok) {
    for (const issue of loaded.issues) io.stderr.write(`${formatConfigIssue(issue)}\n`);
    return EXIT_CODES.invalid;
  }
  let fakes: FakesHandle;
  try {
    fakes = await startFakes({ scenario: loaded.scenario, port: options.port, speed: options.speed, seed: options.seed, log: (line) => io.stdout.write(`${line}\n`) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new CliError("E_USAGE", `port ${options.port} is in use on 127.0.0.1: pick another with --port`);
    throw error;
  }
  const env = { ...fakeUrlEnv(fakes.urls), GATEWAY_SIM_CONTROL_URL: fakes.control };
  try {
    writeReportFile(io, options.urlsFile, `${JSON.stringify({ providers: fakes.urls, control: fakes.control, env }, null, 2)}\n`);
    io.stdout.write(banner(file, fakes, options.speed, env, options.urlsFile));
    if (command.length === 0) {
      io.stdout.write("Ctrl-C stops.\n");
      await untilSignal();
      return EXIT_CODES.ok;
    }
    io.stdout.write(`running: ${command.join(" ")}\n`);
    return childExitStatus(await runChild(command, env, io));
  } finally {
    await fakes.close();
  }
}

/** Adds `fakes` to the program (src/cli/program.ts). */
export function registerFakesCommand(program: Command, io: CliIo, setExit: (code: ExitCode) => void): void {
  program
    .command("fakes")
    .description("serve only a scenario's fake providers on one port, for your own gateway; with -- <command>, run it with GATEWAY_SIM_<PROVIDER>_URL set")
    .argument("<scenario>", "a scenario file")
    .argument("[command...]", "after --: a command to run with the fakes' URLs in its environment (its exit status is gateway-sim's)")
    .option("--port <port>", "port on 127.0.0.1 (0 picks a free one)", parsePort, 8790)
    .option("--speed <n>", "simulated seconds per real second", parseSpeed, 1)
    .option("--seed <seed>", "override the scenario's seed")
    .option("--urls-file <file.json>", "where to write the fakes' URLs", "gateway-sim-fakes.json")
    .action(async (file: string, command: string[], options: FakesCommandOptions) => setExit(await fakesCommand(file, command, options, io)));
}
