// Development server: rebuilds on change (esbuild watch, via build.mjs --watch) and serves the bundle on
// http://127.0.0.1:5173, proxying the gRPC-Web calls (/shopsync.v1.*, /grpc.*) to a running shopsync-server's web
// endpoint (SHOPSYNC_WEB, default http://127.0.0.1:5001). The proxy drops the browser's Origin header, because the
// server accepts only its own origin; nothing else is changed.
//   dotnet run --project src/ShopSync.Server -- --demo      (another terminal)
//   npm run dev
import { spawn } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, request } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const out = join(here, "dev-out");
const target = new URL(process.env.SHOPSYNC_WEB ?? "http://127.0.0.1:5001");
const port = Number(process.env.PORT ?? 5173);
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".png": "image/png" };

const watcher = spawn(process.execPath, [join(here, "build.mjs"), "--watch"], { stdio: "inherit", env: { ...process.env, SHOPSYNC_DASHBOARD_OUT: out } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { watcher.kill(); process.exit(0); });

createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (path.startsWith("/shopsync.v1.") || path.startsWith("/grpc.")) {
    const headers = { ...req.headers, host: target.host };
    delete headers.origin;
    const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
      // The server went away mid-stream: cut the browser's response too, as a direct connection would.
      r.on("close", () => { if (!r.complete) res.destroy(); });
    });
    upstream.on("error", (e) => {
      if (res.headersSent) res.destroy();
      else { res.writeHead(502); res.end(String(e)); }
    });
    req.pipe(upstream);
    res.on("close", () => upstream.destroy());
    return;
  }
  let file = normalize(join(out, path));
  if (!file.startsWith(out) || !existsSync(file) || statSync(file).isDirectory()) file = join(out, "index.html");
  res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
  createReadStream(file).pipe(res);
}).listen(port, "127.0.0.1", () => console.log(`dashboard dev server: http://127.0.0.1:${port} -> ${target.origin}`));
