// Serves a built app (default: dist/) on 127.0.0.1 with the strict Content Security Policy the
// app must work under. Unknown paths without a file extension get index.html (client routes).
// Usage: node scripts/serve.mjs [DIR] [PORT]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "object-src 'none'; base-uri 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Starts the server and resolves with it once it listens. */
export function serve(dir, port, host = '127.0.0.1') {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path));
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (!file.startsWith(root)) {
      res.writeHead(403, headers).end();
      return;
    }
    const candidates = path.endsWith('/') ? [join(file, 'index.html')] : [file];
    if (!extname(path)) candidates.push(join(root, 'index.html'));
    for (const candidate of candidates) {
      try {
        const body = await readFile(candidate);
        const type = TYPES[extname(candidate)] ?? 'application/octet-stream';
        res.writeHead(200, { ...headers, 'Content-Type': type }).end(body);
        return;
      } catch {
        // try the next candidate
      }
    }
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serve(dir, Number(port));
  const { address, port: bound } = server.address();
  console.log(`Học số: http://${address}:${bound}/ (Ctrl+C to stop)`);
}
