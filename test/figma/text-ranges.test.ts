// Text with several fonts, sizes and fills. Sources: https://developers.figma.com/docs/plugins/working-with-text
// ("Mixed styles", "Loading fonts", "Missing fonts"); @figma/plugin-typings plugin-api.d.ts (1.142.0)
// BaseNonResizableTextMixin L9766-L10175; verbatim error text: https://github.com/figma/plugin-samples/pull/84 .
// The fidelity review (§3 item 3; not in the repo) found the emulator had one font per node; every test here failed before
// (setRange* threw "not supported", fontName never read figma.mixed, characters needed only the node's single font).
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from './index';

const REGULAR = { family: 'Inter', style: 'Regular' };
const BOLD = { family: 'Inter', style: 'Bold' };
const UNLOADED_REGULAR =
  'in set_characters: Cannot write to node with unloaded font "Inter Regular". Please call figma.loadFontAsync({ family: "Inter", style: "Regular" }) and await the returned promise first.';

async function helloWorld(fonts: FontName[] = [REGULAR, BOLD]) {
  const figma = createFigma();
  const emu = emulatorOf(figma);
  for (const f of fonts) await figma.loadFontAsync(f);
  const t = figma.createText();
  t.characters = 'hello world';
  return { figma, emu, t };
}

describe('text: mixed styles', () => {
  it('setRangeFontName makes fontName read figma.mixed; getRangeFontName / getRangeAllFontNames / getStyledTextSegments as documented', async () => {
    const { figma, t } = await helloWorld();
    t.setRangeFontName(0, 5, BOLD);
    // working-with-text "Mixed styles": textNode.fontName → figma.mixed; getRangeFontName(0, 5) → Bold; (5, 11) → Regular; (4, 6) → figma.mixed
    expect(t.fontName).toBe(figma.mixed);
    expect(t.getRangeFontName(0, 5)).toEqual(BOLD);
    expect(t.getRangeFontName(5, 11)).toEqual(REGULAR);
    expect(t.getRangeFontName(4, 6)).toBe(figma.mixed);
    expect(t.getRangeAllFontNames(0, 11)).toEqual([BOLD, REGULAR]);
    // working-with-text: getStyledTextSegments(['fontName']) → [{characters:"hello",start:0,end:5,fontName:Bold},{characters:" world",…}]
    expect(t.getStyledTextSegments(['fontName'])).toEqual([
      { characters: 'hello', start: 0, end: 5, fontName: BOLD },
      { characters: ' world', start: 5, end: 11, fontName: REGULAR },
    ]);
    t.setRangeFontName(0, 5, REGULAR);
    expect(t.fontName).toEqual(REGULAR); // uniform again
  });

  it('setRangeFontSize / setRangeFills: fontSize and fills read figma.mixed; segments split on every asked field', async () => {
    const { figma, t } = await helloWorld();
    t.setRangeFontSize(6, 11, 20);
    expect(t.fontSize).toBe(figma.mixed); // typings: fontSize: number | PluginAPI['mixed']
    expect(t.getRangeFontSize(0, 5)).toBe(12);
    expect(t.getRangeFontSize(0, 11)).toBe(figma.mixed);
    const red: SolidPaint = { type: 'SOLID', color: { r: 1, g: 0, b: 0 } };
    t.setRangeFills(0, 1, [red]);
    expect(t.fills).toBe(figma.mixed);
    expect((t.getRangeFills(0, 1) as SolidPaint[])[0]!.color).toEqual({ r: 1, g: 0, b: 0 });
    expect(t.getRangeFills(0, 2)).toBe(figma.mixed);
    expect(t.getStyledTextSegments(['fontSize', 'fills']).map((s) => [s.start, s.end])).toEqual([[0, 1], [1, 6], [6, 11]]);
    expect(t.getStyledTextSegments(['fontSize'], 3, 8).map((s) => [s.characters, s.fontSize])).toEqual([['lo ', 12], ['wo', 20]]);
  });

  it('ranges are checked: getRangeAllFontNames "Throws if start === end" (docs TextNode-getrangeallfontnames); out of bounds throws', async () => {
    const { t } = await helloWorld();
    expect(() => t.getRangeAllFontNames(0, 0)).toThrow(/in getRangeAllFontNames: Expected "start" and "end"/);
    expect(() => t.getRangeFontName(3, 12)).toThrow(/in getRangeFontName/);
    expect(() => t.setRangeFontName(-1, 2, REGULAR)).toThrow(/in setRangeFontName/);
  });
});

describe('text: every font used in the node must be loaded for a layout write', () => {
  it('characters needs every font in the node, with Figma\'s exact error (working-with-text; plugin-samples#84)', async () => {
    // The plugin loaded only Bold; a designer restyled one word in Inter Regular (a person has every font).
    const figma = createFigma();
    const emu = emulatorOf(figma);
    await figma.loadFontAsync(BOLD);
    const t = figma.createText();
    t.fontName = BOLD; // only the new font is needed here (working-with-text: "When setting the .fontName … only need to load the new font")
    t.characters = 'hello world';
    emu.user.setRangeFontName(t, 6, 11, REGULAR);
    // working-with-text "Loading fonts": "When setting any other property that affects text layout, you need to load all
    // the fonts that the text node already use." Verbatim message: https://github.com/figma/plugin-samples/pull/84
    expect(() => {
      t.characters = 'bye';
    }).toThrow(UNLOADED_REGULAR);
    expect(t.characters).toBe('hello world'); // nothing was written
    await figma.loadFontAsync(REGULAR);
    t.characters = 'bye';
    expect(t.characters).toBe('bye');
  });

  it.each([
    ['fontSize', (t: TextNode): void => {
      t.fontSize = 14;
    }, 'set_fontSize'],
    ['lineHeight', (t: TextNode): void => {
      t.lineHeight = { unit: 'PIXELS', value: 20 };
    }, 'set_lineHeight'],
    ['letterSpacing', (t: TextNode): void => {
      t.letterSpacing = { unit: 'PIXELS', value: 1 };
    }, 'set_letterSpacing'],
    ['textCase', (t: TextNode): void => {
      t.textCase = 'UPPER';
    }, 'set_textCase'],
    ['textAutoResize', (t: TextNode): void => {
      t.textAutoResize = 'HEIGHT';
    }, 'set_textAutoResize'],
    ['textAlignHorizontal', (t: TextNode): void => {
      t.textAlignHorizontal = 'CENTER';
    }, 'set_textAlignHorizontal'],
    ['insertCharacters', (t: TextNode): void => t.insertCharacters(0, 'x'), 'insertCharacters'],
    ['deleteCharacters', (t: TextNode): void => t.deleteCharacters(0, 1), 'deleteCharacters'],
    ['setRangeFontSize', (t: TextNode): void => t.setRangeFontSize(0, 1, 30), 'setRangeFontSize'],
    ['setRangeFontName (the new font is loaded, an old one is not)', (t: TextNode): void => t.setRangeFontName(0, 1, BOLD), 'setRangeFontName'],
  ] as const)('%s needs every font in the node (working-with-text "Loading fonts")', async (_name, write, where) => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    await figma.loadFontAsync(BOLD);
    const t = figma.createText();
    t.fontName = BOLD;
    t.characters = 'hello world';
    emu.user.setRangeFontName(t, 6, 11, REGULAR);
    expect(() => write(t)).toThrow(`in ${where}: Cannot write to node with unloaded font "Inter Regular".`);
  });

  it('fills, setRangeFills and fontName need no old font (working-with-text: "You do not need to load a font in order to change properties that only affects colors"; fontName "only … the new font")', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    await figma.loadFontAsync(BOLD);
    const t = figma.createText();
    t.fontName = BOLD;
    t.characters = 'hello world';
    emu.user.setRangeFontName(t, 6, 11, REGULAR);
    t.fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 1 } }];
    t.setRangeFills(0, 2, [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]);
    t.fontName = BOLD; // the whole node becomes Bold: Regular is no longer used
    expect(t.fontName).toEqual(BOLD);
    t.characters = 'now writable';
    expect(t.getRangeAllFontNames(0, t.characters.length)).toEqual([BOLD]);
  });
});

describe('text: writes and range styles', () => {
  it('[unverified] writing characters resets range styles to the first character\'s style', async () => {
    // Documented: "Setting this property will reset styles applied to character ranges" (typings L9850;
    // https://developers.figma.com/docs/plugins/api/properties/TextNode-characters). Which style remains is not
    // documented: the emulator keeps the first character's (what plugin helpers that re-apply getRangeFontName(0, 1) assume).
    const { figma, t } = await helloWorld();
    t.setRangeFontName(0, 5, BOLD);
    t.setRangeFontSize(6, 11, 20);
    expect(t.fontName).toBe(figma.mixed);
    t.characters = 'reset';
    expect(t.fontName).toEqual(BOLD);
    expect(t.fontSize).toBe(12);
    expect(t.getStyledTextSegments(['fontName', 'fontSize'])).toHaveLength(1);
  });

  it('insertCharacters copies the preceding style (BEFORE, default) or the following one (AFTER); at the start the closest (typings L9862)', async () => {
    const { t } = await helloWorld();
    t.setRangeFontName(0, 5, BOLD); // "hello" bold, " world" regular
    t.insertCharacters(5, '!'); // after "hello": BEFORE → bold
    expect(t.getRangeFontName(5, 6)).toEqual(BOLD);
    t.insertCharacters(6, '?', 'AFTER'); // before " world": AFTER → regular
    expect(t.getRangeFontName(6, 7)).toEqual(REGULAR);
    t.insertCharacters(0, '>'); // no preceding character: the closest, "h" → bold
    expect(t.getRangeFontName(0, 1)).toEqual(BOLD);
    expect(t.characters).toBe('>hello!? world');
    t.deleteCharacters(0, 8);
    expect(t.characters).toBe(' world');
    expect(t.fontName).toEqual(REGULAR); // only regular characters remain
  });

  it('clone() keeps range styles', async () => {
    const { figma, t } = await helloWorld();
    t.setRangeFontName(0, 5, BOLD);
    const c = t.clone();
    expect(c.fontName).toBe(figma.mixed);
    expect(c.getRangeAllFontNames(0, 11)).toEqual([BOLD, REGULAR]);
  });
});

describe('text: missing fonts (assumptions.missingFonts)', () => {
  it('hasMissingFont is true for a font the document uses but the editor lacks; loadFontAsync rejects it', async () => {
    // typings L9769: "Returns whether the text uses a font currently not available to the document"; L1730 (figma.hasMissingFont):
    // "Returns true if the document contains text with missing fonts". working-with-text "Missing fonts".
    const brand = { family: 'Brand Sans', style: 'Regular' };
    const figma = createFigma({ fonts: [REGULAR, brand], assumptions: { missingFonts: [brand] } });
    const emu = emulatorOf(figma);
    await figma.loadFontAsync(REGULAR);
    const t = figma.createText();
    t.characters = 'hello world';
    expect(t.hasMissingFont).toBe(false);
    expect(figma.hasMissingFont).toBe(false);
    emu.user.setRangeFontName(t, 0, 5, brand, { origin: 'REMOTE' }); // a collaborator who has the font
    expect(t.hasMissingFont).toBe(true);
    expect(figma.hasMissingFont).toBe(true);
    await expect(figma.loadFontAsync(brand)).rejects.toThrow('The font "Brand Sans Regular" could not be loaded');
    expect(() => {
      t.characters = 'x';
    }).toThrow('in set_characters: Cannot write to node with unloaded font "Brand Sans Regular".');
  });
});
