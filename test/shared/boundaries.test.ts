// The architecture's import rules (DEVELOPERS.md, code-anchors.md C1): shared/ imports neither
// plugin/ nor ui/; ui/ never imports plugin/; plugin/ never imports ui/. The per-folder tsconfigs
// also make figma or DOM globals a type error in the wrong folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

function violations(folder: string, forbidden: string[]): string[] {
  const bad: string[] = [];
  for (const file of sources(join(root, folder))) {
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(root, join(file, '..', spec)).split('/')[0];
      if (target && forbidden.includes(target)) bad.push(`${relative(root, file)} imports ${spec}`);
    }
  }
  return bad;
}

describe('folder boundaries', () => {
  it('shared/ imports nothing from plugin/, ui/ or test/', () => {
    expect(violations('shared', ['plugin', 'ui', 'test'])).toEqual([]);
  });
  it('ui/ never imports plugin/', () => {
    expect(violations('ui', ['plugin', 'test'])).toEqual([]);
  });
  it('plugin/ never imports ui/', () => {
    expect(violations('plugin', ['ui', 'test'])).toEqual([]);
  });
  it('shared/ uses neither figma nor the DOM', () => {
    const bad = sources(join(root, 'shared')).filter((f) =>
      /\bfigma\.|\bwindow\.|\bdocument\.|localStorage/.test(readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '')),
    );
    expect(bad.map((f) => relative(root, f))).toEqual([]);
  });
});
