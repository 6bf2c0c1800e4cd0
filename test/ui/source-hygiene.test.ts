// The UI never injects markup from strings and never touches web storage (the Figma iframe has
// none; preferences go through clientStorage in the sandbox). It also never imports plugin/ and
// imports zod only as a namespace (named imports pull every locale into the bundle).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|html|css)$/.test(name) ? [p] : [];
  });
}
const sources = files(join(root, 'ui')).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));

describe('ui/ sources', () => {
  it('exist', () => expect(sources.length).toBeGreaterThan(20));
  it.each([
    ['innerHTML', /innerHTML/],
    ['outerHTML', /outerHTML/],
    ['insertAdjacentHTML', /insertAdjacentHTML/],
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['document.write', /document\.write/],
    ['localStorage', /localStorage/],
    ['sessionStorage', /sessionStorage/],
    ['indexedDB', /indexedDB/],
    ['eval', /\beval\(|new Function\(/],
    ['an import from plugin/', /from ['"](\.\.\/)+plugin\//],
    ['a named zod import', /import\s*\{[^}]*\}\s*from\s*['"]zod['"]/],
  ])('never use %s', (_name, pattern) => {
    expect(sources.filter((s) => pattern.test(s.text)).map((s) => s.path)).toEqual([]);
  });
});
