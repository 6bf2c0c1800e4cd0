// `npm run preview` end to end: the built bundle in the emulator, driven through its own protocol.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJourney } from '../../shared/model';
import { EXAMPLES } from '../../shared/examples';
import { runPreview } from '../harness/preview';
import { wrap } from '../../shared/model/envelope';
import { scriptedEdits } from '../support/scripted-edits';

const out = () => mkdtempSync(join(tmpdir(), 'jm-preview-'));
// The PNG needs Chromium. .ci/run installs it, so in CI its absence fails the test; on a
// developer's machine without it, the PNG is left out with a warning (as the browser tests do).
const HAVE_CHROMIUM = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
if (!HAVE_CHROMIUM && !process.env.CI) console.warn('[preview] no Chromium at /usr/bin/chromium: map.png is not checked');
const pngFlag = HAVE_CHROMIUM || process.env.CI ? [] : ['--no-png'];
const example = (id: string) => {
  const loaded = loadJourney(EXAMPLES.find((e) => e.id === id)?.envelope);
  if (!loaded.ok) throw new Error('bad example');
  return loaded.value.journey;
};

describe('npm run preview', () => {
  it('draws a journey and writes the SVG, the PNG, the journey read back and the stats', async () => {
    const dir = out();
    const { stats } = await runPreview(['shared/examples/saas-onboarding.json', '--out', dir, '--theme', 'dark', ...pngFlag]);
    const files = ['map.svg', 'model.json', 'stats.json', ...(pngFlag.length ? [] : ['map.png'])];
    for (const f of files) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(stats.engine).toBe('quickjs');
    expect(stats.rerenderWrites).toBe(0);
    expect(stats.forcedLayoutReads).toBe(0);
    expect(stats.nodes).toBeGreaterThan(500);
    const back = loadJourney(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')));
    expect(back.ok && back.value.journey).toEqual(example('saas-onboarding'));
    expect(readFileSync(join(dir, 'map.svg'), 'utf8')).toContain('Ledgerline');
  });

  it('applies canvas edits with --edits and syncs them into model.json', async () => {
    const dir = out();
    const { stats } = await runPreview(['--out', dir, '--edits', 'test/fixtures/edits/retail-edits.json', '--no-png']);
    const kinds = (stats.changes as { kind: string }[]).map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['text', 'delete', 'duplicate', 'move', 'emotion', 'add', 'fork']));
    const synced = loadJourney(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')));
    expect(synced.ok).toBe(true);
    if (!synced.ok) return;
    const cards = synced.value.journey.cards;
    expect(cards.find((c) => c.id === 'c-act-trigger')?.text).toBe('Measures the living room twice and notices the sofa sagging');
    expect(cards.some((c) => c.id === 'c-act-inspire')).toBe(false);
    expect(cards.some((c) => c.id === 'c-act-browse-copy')).toBe(true);
  });

  it('--compare draws the Changes view of a scripted edit and writes changes.svg, changes.png and changes.md naming the edits', async () => {
    const dir = out();
    const older = example('retail-purchase');
    const edit = scriptedEdits(older);
    writeFileSync(join(dir, 'before.json'), JSON.stringify(wrap(older)));
    writeFileSync(join(dir, 'after.json'), JSON.stringify(wrap(edit.journey)));
    // V8 for speed: the protocol and the drawing are the bundle's either way.
    await runPreview(['--compare', join(dir, 'before.json'), join(dir, 'after.json'), '--out', dir, '--engine', 'v8', ...pngFlag]);
    for (const f of ['changes.svg', 'changes.md', ...(pngFlag.length ? [] : ['changes.png'])]) expect(existsSync(join(dir, f)), f).toBe(true);
    const md = readFileSync(join(dir, 'changes.md'), 'utf8');
    expect(md).toContain('From before.json to after.json.');
    expect(md).toMatch(/^\*\*1 added, 1 removed, 2 changed, 1 moved, \d+ emotion changes\.\*\*$/m);
    expect(md).toMatch(/## Added\n\n- Action “Asks a friend for a second opinion/);
    expect(md).toContain(`renamed to “${edit.journey.stages.flatMap((s) => s.steps).find((s) => s.id === edit.renamedStep)!.name}”`);
    expect(md).toContain('## Moved');
    expect(md).toContain('## Emotions');
    // The SVG is the Changes frame the plugin drew: its header and its badges.
    const svg = readFileSync(join(dir, 'changes.svg'), 'utf8');
    expect(svg).toContain('Changes from before.json to after.json');
    expect(svg).toContain('+ New');
    expect(svg).toContain('Changed: text');
    expect(svg).toContain('− Removed');
  }, 240_000);

  it('refuses bad input with a message naming the problem', async () => {
    await expect(runPreview(['test/fixtures/edits/retail-edits.json', '--no-png'])).rejects.toThrow(/not a journey/);
    await expect(runPreview(['--theme', 'neon'])).rejects.toThrow(/--theme must be one of/);
    await expect(runPreview(['--compare', 'shared/examples/retail-purchase.json', '--no-png'])).rejects.toThrow(/--compare needs two journey files/);
  });
});
