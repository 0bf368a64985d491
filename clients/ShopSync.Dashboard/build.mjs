// Builds the dashboard: generates the TypeScript contract (buf + protoc-gen-es) into src/gen, type-checks (tsc),
// bundles and minifies (esbuild) into ../../src/ShopSync.Server/wwwroot with content-hashed names, writes
// index.html pointing at them, and prints the gzipped first-load weight (fails above 150 KB).
//   node build.mjs            the whole build (what the server's MSBuild target runs)
//   node build.mjs --watch    rebuilds on change, for development (see docs/dashboard.md)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.env.SHOPSYNC_DASHBOARD_OUT ?? join(here, "../../src/ShopSync.Server/wwwroot");
const watch = process.argv.includes("--watch");
const limitBytes = 150 * 1024;
const bin = (name) => join(here, "node_modules/.bin", name);

rmSync(join(here, "src/gen"), { recursive: true, force: true });
execFileSync(bin("buf"), ["generate", "--template", "buf.gen.yaml"], { cwd: here, stdio: "inherit" });
if (!watch) execFileSync(bin("tsc"), ["--noEmit", "-p", "."], { cwd: here, stdio: "inherit" });

const options = {
  entryPoints: [join(here, "src/main.tsx")],
  bundle: true,
  minify: !watch,
  sourcemap: watch ? "inline" : false,
  format: "esm",
  target: ["es2022", "chrome111", "firefox115", "safari16"],
  outdir: join(out, "assets"),
  entryNames: "[name]-[hash]",
  jsx: "automatic",
  jsxImportSource: "preact",
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [{
    name: "index.html",
    setup(build) {
      build.onStart(() => rmSync(join(out, "assets"), { recursive: true, force: true }));
      build.onEnd((result) => {
        if (result.errors.length) return;
        const files = Object.keys(result.metafile.outputs);
        const js = files.find((f) => f.endsWith(".js"));
        const css = files.find((f) => f.endsWith(".css"));
        const html = readFileSync(join(here, "index.html"), "utf8")
          .replace("{{js}}", "/assets/" + basename(js))
          .replace("{{css}}", "/assets/" + basename(css));
        writeFileSync(join(out, "index.html"), html);
        const weight = [js, css].reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
        console.log(`dashboard: ${basename(js)} + ${basename(css)}, ${(weight / 1024).toFixed(1)} KB gzipped (limit ${limitBytes / 1024} KB) -> ${out}`);
        if (weight > limitBytes && !watch) {
          console.error(`dashboard: the first load is ${weight} bytes gzipped, over the ${limitBytes} byte budget`);
          process.exitCode = 1;
        }
      });
    },
  }],
};

mkdirSync(out, { recursive: true });
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log("dashboard: watching src/ (Ctrl+C stops)");
} else {
  await esbuild.build(options);
}
