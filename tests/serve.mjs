// Serves www/ on localhost with the headers the page is meant to run under:
// the right MIME type for .wasm, and the content security policy that the
// article promises (no inline script or style, no request off the origin).
//
//   node tests/serve.mjs [port]      (default 8080; 0 picks a free port)
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
  "style-src 'self'";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..",
  "www");

// The page's headers: the CSP above, and no MIME sniffing.
const PAGE_HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
};

export function startServer(port = 8080) {
  return serveDirectory(root, port, PAGE_HEADERS);
}

// A static server of `directory` on localhost (sirv; its MIME table gives
// .wasm files `application/wasm`), adding `headers` to every response.
// Resolves with the listening server.
export function serveDirectory(directory, port, headers = {}) {
  const assets = sirv(directory, { dev: true, etag: true });
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
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
  const port = Number(process.argv[2] ?? 8080);
  const server = await startServer(port);
  const { port: actual } = server.address();
  console.log(`gan-gradients is served at http://127.0.0.1:${actual}/`);
}
