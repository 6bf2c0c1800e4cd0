// Text rules. Sources: https://developers.figma.com/docs/plugins/working-with-text;
// error text verbatim from https://github.com/grab/cursor-talk-to-figma-mcp/issues/3 and figma/plugin-samples#84.
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf, measureText } from './index';

const UNLOADED = 'in set_characters: Cannot write to node with unloaded font "Inter Regular". Please call figma.loadFontAsync({ family: "Inter", style: "Regular" }) and await the returned promise first.';

describe('text: fonts', () => {
  it('new text defaults to Inter Regular 12 and still needs the font loaded (figma-createtext docs; plugin-samples#84)', () => {
    const figma = createFigma();
    const t = figma.createText();
    expect(t.fontName).toEqual({ family: 'Inter', style: 'Regular' });
    expect(t.fontSize).toBe(12);
    expect(() => {
      t.characters = 'Hi';
    }).toThrow(UNLOADED);
  });

  it.each([
    ['fontSize', 14],
    ['lineHeight', { unit: 'PIXELS', value: 20 }],
    ['letterSpacing', { unit: 'PERCENT', value: 2 }],
    ['textCase', 'UPPER'],
    ['textDecoration', 'UNDERLINE'],
    ['textAutoResize', 'HEIGHT'],
    ['textAlignHorizontal', 'CENTER'],
    ['textAlignVertical', 'BOTTOM'],
    ['paragraphSpacing', 4],
  ] as const)('%s needs the font loaded, with the property in the message (working-with-text)', (prop, value) => {
    const figma = createFigma();
    const t = figma.createText();
    expect(() => {
      (t as unknown as Record<string, unknown>)[prop] = value;
    }).toThrow(`in set_${prop}: Cannot write to node with unloaded font "Inter Regular".`);
  });

  it('fills/strokes need no font (working-with-text)', () => {
    const figma = createFigma();
    const t = figma.createText();
    t.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }];
    t.strokes = [];
    t.strokeWeight = 2;
    expect(t.fills).toHaveLength(1);
  });

  it('fonts are loaded per instance (no shared state); loading resolves asynchronously', async () => {
    const a = createFigma();
    const b = createFigma();
    const p = a.loadFontAsync({ family: 'Inter', style: 'Regular' });
    const t0 = a.createText();
    expect(() => {
      t0.characters = 'x';
    }).toThrow(/unloaded font/); // not loaded until the promise resolves
    await p;
    t0.characters = 'x';
    const tb = b.createText();
    expect(() => {
      tb.characters = 'x';
    }).toThrow(UNLOADED);
  });

  it('fontName: only the new font must be loaded (working-with-text "Loading fonts")', async () => {
    const figma = createFigma();
    const t = figma.createText();
    expect(() => {
      t.fontName = { family: 'Inter', style: 'Bold' };
    }).toThrow('in set_fontName: Cannot write to node with unloaded font "Inter Bold". Please call figma.loadFontAsync({ family: "Inter", style: "Bold" }) and await the returned promise first.');
    await figma.loadFontAsync({ family: 'Inter', style: 'Bold' });
    t.fontName = { family: 'Inter', style: 'Bold' };
    expect(() => {
      t.characters = 'x';
    }).not.toThrow();
  });

  it('loadFontAsync rejects fonts that are not available (typings L1672; APPROX message)', async () => {
    const figma = createFigma();
    await expect(figma.loadFontAsync({ family: 'Inter', style: 'SemiBold' })).rejects.toThrow('The font "Inter SemiBold" could not be loaded');
    await expect(figma.loadFontAsync({ family: 'Inter', style: 'Semi Bold' })).resolves.toBeUndefined();
    const custom = createFigma({ fonts: [{ family: 'Roboto', style: 'Regular' }] });
    await expect(custom.loadFontAsync({ family: 'Inter', style: 'Regular' })).rejects.toThrow('The font "Inter Regular" could not be loaded');
  });

  it('listAvailableFontsAsync lists the configured fonts', async () => {
    const figma = createFigma();
    const list = await figma.listAvailableFontsAsync();
    expect(list.map((f) => `${f.fontName.family} ${f.fontName.style}`)).toContain('Inter Semi Bold');
    expect(list).toHaveLength(7);
  });

  it('user edits bypass the font rule (the person has the font)', () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const t = figma.createText();
    emu.user.setText(t, 'typed by a person');
    expect(t.characters).toBe('typed by a person');
  });
});

describe('text: layout (typings TextNode.textAutoResize)', () => {
  async function setup() {
    const figma = createFigma();
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
    await figma.loadFontAsync({ family: 'Inter', style: 'Bold' });
    return figma;
  }

  it('WIDTH_AND_HEIGHT (default) sizes to content; AUTO line height ≈ 1.21 × fontSize', async () => {
    const figma = await setup();
    const t = figma.createText();
    t.characters = 'Hello';
    expect(t.textAutoResize).toBe('WIDTH_AND_HEIGHT');
    expect(t.height).toBeCloseTo(12 * 1.21, 1);
    expect(t.width).toBeGreaterThan(20);
    expect(t.width).toBeLessThan(40);
    const w1 = t.width;
    t.fontSize = 24;
    expect(t.width).toBeCloseTo(w1 * 2, 0);
    t.characters = 'a\nb\nc';
    expect(t.height).toBeCloseTo(3 * 24 * 1.21, 1);
  });

  it('HEIGHT wraps at a fixed width and grows the height; NONE keeps the box', async () => {
    const figma = await setup();
    const t = figma.createText();
    t.characters = 'The quick brown fox jumps over the lazy dog again and again';
    t.textAutoResize = 'HEIGHT';
    t.resize(100, 10);
    expect(t.width).toBe(100);
    const lines = measureText(t.characters, { fontName: t.fontName as FontName, fontSize: 12, width: 100 }).lines;
    expect(lines.length).toBeGreaterThan(2);
    expect(t.height).toBeCloseTo(lines.length * 12 * 1.21, 1);
    t.textAutoResize = 'NONE';
    t.resize(100, 30);
    t.characters = 'short';
    expect([t.width, t.height]).toEqual([100, 30]);
  });

  it('lineHeight PIXELS / PERCENT and letterSpacing change the measured size', async () => {
    const figma = await setup();
    const t = figma.createText();
    t.characters = 'a\nb';
    t.lineHeight = { unit: 'PIXELS', value: 20 };
    expect(t.height).toBe(40);
    t.lineHeight = { unit: 'PERCENT', value: 150 };
    expect(t.height).toBeCloseTo(36, 5);
    const w0 = t.width;
    t.letterSpacing = { unit: 'PIXELS', value: 2 };
    expect(t.width).toBeCloseTo(w0 + 2, 5);
  });

  it('textTruncation ENDING + maxLines caps the height', async () => {
    const figma = await setup();
    const t = figma.createText();
    t.characters = 'one two three four five six seven eight nine ten eleven twelve';
    t.textAutoResize = 'HEIGHT';
    t.resize(60, 10);
    const full = t.height;
    t.textTruncation = 'ENDING';
    t.maxLines = 2;
    expect(t.height).toBeCloseTo(2 * 12 * 1.21, 1);
    expect(full).toBeGreaterThan(t.height);
  });

  it('measureText: bold is wider, greedy word wrap, long words break', () => {
    const reg = measureText('Journey', { fontName: { family: 'Inter', style: 'Regular' }, fontSize: 16 });
    const bold = measureText('Journey', { fontName: { family: 'Inter', style: 'Bold' }, fontSize: 16 });
    expect(bold.width).toBeGreaterThan(reg.width);
    const wrapped = measureText('aaa bbb ccc', { fontName: { family: 'Inter', style: 'Regular' }, fontSize: 10, width: 45 });
    expect(wrapped.lines).toEqual(['aaa bbb', 'ccc']);
    const long = measureText('x'.repeat(40), { fontName: { family: 'Inter', style: 'Regular' }, fontSize: 10, width: 50 });
    expect(long.lines.length).toBeGreaterThan(1);
    for (const w of long.lineWidths) expect(w).toBeLessThanOrEqual(50.01);
  });

  // A fixed-width box wraps its text inside the width (https://developers.figma.com/docs/plugins/api/properties/TextNode-textautoresize/:
  // HEIGHT keeps the width fixed and wraps); a word wider than the box breaks, also when it follows
  // other words on the line (as text does in a box that wraps words, https://developer.mozilla.org/en-US/docs/Web/CSS/overflow-wrap).
  it('measureText: a long word after other words starts a new line and breaks within the width', () => {
    const opts = { fontName: { family: 'Inter', style: 'Regular' }, fontSize: 10, width: 50 };
    const m = measureText(`ab ${'x'.repeat(40)} cd`, opts);
    expect(m.lines[0]).toBe('ab');
    expect(m.lines.length).toBeGreaterThan(3);
    for (const w of m.lineWidths) expect(w).toBeLessThanOrEqual(50.01);
    expect(m.lines.join('').replace(/ /g, '')).toBe(`ab${'x'.repeat(40)}cd`);
    const emoji = measureText(`a ${'👩‍👩‍👧'.repeat(8)}`, opts);
    for (const line of emoji.lines) expect(line.replace(/👩‍👩‍👧/g, '').replace(/^a$/, '')).toBe('');
  });
});
