// Checks on the built output (npm test builds before this project runs).
import { parse } from 'acorn';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '../../dist');
const read = (f: string) => readFileSync(join(dist, f), 'utf8');

describe('dist/code.js (Figma sandbox bundle)', () => {
  it('exists (run npm run build first)', () => {
    expect(existsSync(join(dist, 'code.js'))).toBe(true);
  });

  it('parses as ES2017 script: no newer syntax reaches the sandbox', () => {
    expect(() => parse(read('code.js'), { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow();
  });

  it('would be rejected by the ES2017 check if it used ES2020 syntax (the check can fail)', () => {
    expect(() => parse('const a = b?.c ?? 1;', { ecmaVersion: 2017, sourceType: 'script' })).toThrow();
  });

  it('does not reference DOM globals', () => {
    const code = read('code.js');
    for (const name of ['document.', 'window.', 'localStorage']) expect(code).not.toContain(name);
  });

  it('never encodes text with TextEncoder (Figma\'s sandbox has none; shared/storage/utf8.ts is the one UTF-8 path)', () => {
    const code = read('code.js');
    // No use of TextEncoder; a quoted name is not a use (the compatibility check probes globals by name).
    expect(code.match(/(?<!["'`])TextEncoder(?!["'`])/g) ?? []).toEqual([]);
    // fflate probes for TextDecoder when it loads ("typeof TextDecoder … new TextDecoder"); nothing uses it.
    const uses = (code.match(/(?<!["'`])TextDecoder(?!["'`])/g) ?? []).length;
    const guarded = (code.match(/typeof TextDecoder/g) ?? []).length;
    expect(uses).toBeLessThanOrEqual(guarded * 2);
  });
});

describe('dist/ui.html (single self-contained file)', () => {
  const html = () => read('ui.html');

  it('inlines its script and style', () => {
    expect(html()).toMatch(/<script>[\s\S]{1000,}<\/script>/);
    expect(html()).toMatch(/<style>[\s\S]*<\/style>/);
  });

  it('loads no external resource', () => {
    const h = html();
    expect(h).not.toMatch(/<script[^>]+src=/i);
    expect(h).not.toMatch(/<link[^>]+href=/i);
    expect(h).not.toMatch(/<img[^>]+src=["']?(https?:)?\/\//i);
    expect(h).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(h).not.toMatch(/@import/i);
  });
});
