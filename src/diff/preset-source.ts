// Where a preset version comes from: a folder, or a git revision whose presets folder is written
// out to a temporary folder with `git show <rev>:<path>` (git runs through execFile, never a shell).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** Runs git with arguments in `cwd`; resolves stdout, rejects with git's stderr. */
export type GitRunner = (args: readonly string[], cwd: string) => Promise<string>;

export const runGit: GitRunner = (args, cwd) =>
  new Promise((resolve, reject) => {
    execFile("git", [...args], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error((stderr || error.message).trim().split("\n")[0]));
      else resolve(stdout);
    });
  });

export type PresetSource =
  | {
      ok: true;
      dir: string;
      label: string;
      /** Set for a git revision: scenarios' inline presets are read from their file at it too. */
      revision?: string | undefined;
      cleanup(): void;
    }
  | { ok: false; message: string };

/**
 * `spec` is a folder when one exists at that path, else a git revision of `presetsPath` (a path
 * relative to the repository root, default `presets`).
 *
 * @example
 * const before = await resolvePresetSource("main", { cwd: process.cwd(), presetsPath: "presets" });
 * if (before.ok) loadScenario(file, { presetsDir: before.dir });
 */
export async function resolvePresetSource(spec: string, options: { cwd: string; presetsPath: string; git?: GitRunner }): Promise<PresetSource> {
  const asDir = join(options.cwd, spec);
  if (existsSync(asDir) && statSync(asDir).isDirectory()) return { ok: true, dir: asDir, label: spec, cleanup: () => undefined };
  const git = options.git ?? runGit;
  const path = options.presetsPath.replace(/\/+$/, "");
  let listing: string;
  try {
    listing = await git(["ls-tree", "-r", "--name-only", spec, "--", `${path}/`], options.cwd);
  } catch (error) {
    return { ok: false, message: `"${spec}" is neither a folder nor a git revision: ${error instanceof Error ? error.message : String(error)}` };
  }
  const files = listing.split("\n").filter((f) => /\.ya?ml$/.test(f) && !f.slice(path.length + 1).includes("/"));
  if (files.length === 0) return { ok: false, message: `git revision "${spec}" has no preset files under ${path}/` };
  const dir = mkdtempSync(join(tmpdir(), "gateway-sim-presets-"));
  try {
    for (const file of files) writeFileSync(join(dir, basename(file)), await git(["show", `${spec}:${file}`], options.cwd));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, message: `cannot read ${path}/ at "${spec}": ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, dir, label: `${spec}:${path}`, revision: spec, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
