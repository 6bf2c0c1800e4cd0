import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleContents, partOf } from './bundle';

describe('what a bundle is made of', () => {
  it('groups inputs by package and by source folder', () => {
    expect(partOf('node_modules/zod/v4/mini/schemas.js')).toBe('zod');
    expect(partOf('node_modules/@preact/signals/dist/x.js')).toBe('@preact/signals');
    expect(partOf('shared/layout/cards.ts')).toBe('shared/layout');
    expect(partOf('plugin/main.ts')).toBe('plugin');
    expect(partOf('plugin/render/apply.ts')).toBe('plugin/render');
  });

  it('sums a metafile by part, largest first', () => {
    const dist = mkdtempSync(join(tmpdir(), 'jm-meta-'));
    mkdirSync(join(dist, '.meta'));
    writeFileSync(join(dist, '.meta', 'code.json'), JSON.stringify({ 'node_modules/zod/a.js': 10, 'node_modules/zod/b.js': 5, 'shared/model/x.ts': 20 }));
    expect(bundleContents('code', dist)).toEqual([{ part: 'shared/model', bytes: 20 }, { part: 'zod', bytes: 15 }]);
    expect(bundleContents('ui', dist)).toEqual([]);
  });
});
