// Bundles the CLI's start-up path (src/cli/main.ts → dist/cli/main.js, chunks beside it) with esbuild,
// after tsc has emitted dist/: Node resolves, reads and compiles each ES module separately, and that,
// not the work, was most of `gateway-sim validate`'s start-up (zod alone is ~100 files).
//
// Only `--version`, help and `validate` are bundled. Every other command is imported lazily from its
// tsc-emitted twin in dist/ (the same module the library entry uses), so the bundle stays small and
// the commands that start servers, workers and browsers run exactly the code that was type-checked
// and tested. Two rules keep the bundled and unbundled modules consistent:
// - a bundled module sees `import.meta.url` as its twin's URL, so files located next to a module
//   (the default catalog, package.json, report assets, worker scripts) resolve as in dist/;
// - modules whose identity matters across that boundary (error classes tested with `instanceof`,
//   commander's) are never copied into the bundle.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { build } from "esbuild";

/** Lazily imported modules that stay in the bundle (as chunks); every other `import()` loads its twin. */
const BUNDLED_LAZY = new Set(["cli/program.ts", "cli/commands/validate-command.ts"]);

/** Modules loaded from their twin even when imported statically: one class for `instanceof` everywhere. */
const SHARED = new Set(["cli/cli-error.ts"]);

/**
 * Packages left to Node: commander (its error classes are checked by the twins too), the ones loaded
 * with `createRequire` on first use (yaml, ajv), and those already shipped as one to three ES module
 * files (faker's English locale, js-yaml), which bundling would only copy into the tarball. zod is
 * bundled: it is ~100 module files, and loading them was a third of `validate`'s start-up.
 */
const EXTERNAL_PACKAGES = ["commander", "yaml", "ajv", "ajv-formats", "@faker-js/faker", "js-yaml"];

const toPosix = (path) => path.split(sep).join("/");

/**
 * @param {string} root the package's folder
 */
export async function bundleCli(root) {
  const src = join(root, "src");
  const dist = join(root, "dist");
  const outdir = join(dist, "cli");
  /** The specifier of a src module's twin, relative to the bundle's folder. */
  const twinFrom = (tsPath) => {
    const rel = toPosix(relative(outdir, join(dist, relative(src, tsPath)).replace(/\.ts$/, ".js")));
    return rel.startsWith(".") ? rel : `./${rel}`;
  };
  // tsc's unbundled main.js and its map are replaced by the bundle's.
  rmSync(join(outdir, "main.js.map"), { force: true });
  await build({
    entryPoints: [join(src, "cli", "main.ts")],
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "[name]-[hash]",
    external: EXTERNAL_PACKAGES,
    // Whitespace and syntax only: names stay readable in an internal error's stack trace.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "eof",
    logLevel: "warning",
    plugins: [
      {
        name: "tsc-twins",
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, (args) => {
            if (!args.importer.startsWith(src)) return undefined;
            const tsPath = resolve(dirname(args.importer), args.path).replace(/\.js$/, ".ts");
            if (!existsSync(tsPath)) return undefined;
            const rel = toPosix(relative(src, tsPath));
            const twin = SHARED.has(rel) || (args.kind === "dynamic-import" && !BUNDLED_LAZY.has(rel));
            return twin ? { path: twinFrom(tsPath), external: true } : undefined;
          });
          b.onLoad({ filter: /\.ts$/ }, (args) => {
            if (!args.path.startsWith(src)) return undefined;
            const text = readFileSync(args.path, "utf8");
            const twinUrl = `new URL(${JSON.stringify(twinFrom(args.path))}, import.meta.url).href`;
            return { contents: text.replaceAll("import.meta.url", twinUrl), loader: "ts" };
          });
        },
      },
    ],
  });
}
