// A small static server for the playground (node:http, no dependencies), bound to 127.0.0.1.
//   /                -> test/playground/out/index.html
//   /host.js, ...    -> test/playground/out/
//   /dist/code.js    -> dist/code.js   (the real sandbox bundle)
//   /dist/ui.html    -> dist/ui.html   (the real plugin UI)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { defaultOutDir, repoRoot } from './build.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

/** Resolves a URL path inside `base`, or null when it would escape it. */
function inside(base, urlPath) {
  const full = normalize(join(base, urlPath));
  return full === base || full.startsWith(base + sep) ? full : null;
}

/**
 * Starts the server. `port` 0 picks a free port; a busy fixed port falls back to a free one.
 * Resolves to { url, port, close() }.
 */
export async function startServer({ port = 5173, host = '127.0.0.1', outDir = defaultOutDir, distDir = join(repoRoot, 'dist') } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let file;
      if (path === '/' || path === '/index.html') file = join(outDir, 'index.html');
      else if (path.startsWith('/dist/')) file = inside(distDir, path.slice('/dist/'.length));
      else file = inside(outDir, path.slice(1));
      if (!file) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const body = await readFile(file).catch(() => null);
      if (!body) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(path.startsWith('/dist/') ? `${path} not found: run \`npm run build\` first` : `${path} not found`);
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  const listen = (p) =>
    new Promise((resolve, reject) => {
      const onError = (e) => {
        server.off('listening', onListening);
        reject(e);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, host);
    });
  try {
    await listen(port);
  } catch (e) {
    if (e && e.code === 'EADDRINUSE' && port !== 0) await listen(0);
    else throw e;
  }
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    server,
  };
}
