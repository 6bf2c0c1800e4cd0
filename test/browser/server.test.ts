// The playground's static server (test/playground/server.mjs): what it serves, what it refuses,
// and the fallback to a free port when the wanted one is busy.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../playground/server.mjs';

const out = mkdtempSync(join(tmpdir(), 'jm-serve-'));
const dist = mkdtempSync(join(tmpdir(), 'jm-dist-'));
writeFileSync(join(out, 'index.html'), '<!doctype html><title>pg</title>');
writeFileSync(join(out, 'host.js'), 'export {};');
writeFileSync(join(dist, 'code.js'), 'figma.showUI(__html__);');
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
});

describe('playground server', () => {
  it('serves the page, its script and dist/, on 127.0.0.1, without caching', async () => {
    const s = await startServer({ port: 0, outDir: out, distDir: dist });
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(s.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect((await fetch(`${s.url}host.js`)).headers.get('content-type')).toContain('text/javascript');
      expect(await (await fetch(`${s.url}dist/code.js`)).text()).toBe('figma.showUI(__html__);');
      const missing = await fetch(`${s.url}dist/ui.html`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('npm run build');
      expect((await fetch(`${s.url}dist/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
      expect((await fetch(`${s.url}..%2fpackage.json`)).status).toBe(403);
      expect((await fetch(s.url, { method: 'POST' })).status).toBe(405);
    } finally {
      await s.close();
    }
  });

  it('falls back to a free port when the wanted one is busy', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const busy = (blocker.address() as { port: number }).port;
    const s = await startServer({ port: busy, outDir: out, distDir: dist });
    try {
      expect(s.port).not.toBe(busy);
      expect((await fetch(s.url)).status).toBe(200);
    } finally {
      await s.close();
      await new Promise((r) => blocker.close(r));
    }
  });
});
