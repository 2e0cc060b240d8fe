// Serves the repository root on localhost, so that the benchmark's pages
// (/bench/...), TF.js (/bench/node_modules/...) and the project's own module
// (/www/pkg/...) share one origin, through the test server's serveDirectory.
// No content security policy: the benchmark is not the article.
//
//   node bench/serve.mjs [port]      (default 8090; 0 picks a free port)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDirectory } from "../tests/serve.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

export function startServer(port = 8090) {
  return serveDirectory(root, port);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer(Number(process.argv[2] ?? 8090));
  const { port } = server.address();
  console.log(`the benchmark is at http://127.0.0.1:${port}/bench/bench.html`);
}
