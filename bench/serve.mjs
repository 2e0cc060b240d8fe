// Serves the repository root on localhost, so that the benchmark's pages
// (/bench/...), TF.js (/bench/node_modules/...) and the project's own module
// (/www/pkg/...) share one origin. sirv's MIME table gives .wasm files
// `application/wasm`, which WebAssembly.instantiateStreaming requires. No
// content security policy: the benchmark is not the article.
//
//   node bench/serve.mjs [port]      (default 8090; 0 picks a free port)
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

export function startServer(port = 8090) {
  const assets = sirv(root, { dev: true });
  const server = http.createServer((req, res) => {
    assets(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer(Number(process.argv[2] ?? 8090));
  const { port } = server.address();
  console.log(`the benchmark is at http://127.0.0.1:${port}/bench/bench.html`);
}
