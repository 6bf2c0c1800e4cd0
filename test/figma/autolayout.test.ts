// Auto layout. Sources: @figma/plugin-typings plugin-api.d.ts (1.142.0) AutoLayoutMixin (layoutWrap L7868-L7879,
// counterAxisSpacing L8113-L8160) / AutoLayoutChildrenMixin / layoutSizing*; error strings:
// https://github.com/grab/cursor-talk-to-figma-mcp/pull/187, figma/mcp-server-guide skills/figma-use/SKILL.md rule 12b,
// https://github.com/DirectedEdges/specs-plugin-1/issues/164.
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf, measureText } from './index';

async function setup() {
  const figma = createFigma();
  await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
  return figma;
}
function box(w: number, h: number, figma: PluginAPI) {
  const r = figma.createRectangle();
  r.resize(w, h);
  return r;
}

describe('autolayout: rules and errors', () => {
  // A WIDTH_AND_HEIGHT text takes the size of its text wherever it sits
  // (https://developers.figma.com/docs/plugins/api/properties/TextNode-textautoresize/): also in a frame
  // without auto layout that is itself inside an auto-layout frame being laid out at the same time.
  it('a hugging text in a frame without auto layout, inside an auto-layout frame, takes its text’s size', async () => {
    const figma = await setup();
    const outer = figma.createFrame();
    outer.layoutMode = 'VERTICAL';
    const plain = figma.createFrame();
    plain.resize(300, 100);
    outer.appendChild(plain);
    const t = figma.createText();
    plain.appendChild(t);
    t.characters = '0 Neutral';
    outer.paddingTop = 4;
    const m = measureText('0 Neutral', { fontName: { family: 'Inter', style: 'Regular' }, fontSize: 12 });
    expect(t.textAutoResize).toBe('WIDTH_AND_HEIGHT');
    expect(t.width).toBeCloseTo(m.width, 1);
    expect(t.height).toBeCloseTo(m.height, 1);
  });

  it('FILL only on children of auto-layout frames (verbatim error, grab/cursor-talk-to-figma-mcp#187; typings L7498)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    const r = figma.createRectangle();
    f.appendChild(r);
    expect(() => {
      r.layoutSizingHorizontal = 'FILL';
    }).toThrow('in set_layoutSizingHorizontal: FILL can only be set on children of auto-layout frames');
    expect(() => {
      r.layoutSizingVertical = 'FILL';
    }).toThrow('in set_layoutSizingVertical: FILL can only be set on children of auto-layout frames');
  });

  it('HUG only on auto-layout frames or text (typings L7498)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    expect(() => {
      f.layoutSizingHorizontal = 'HUG';
    }).toThrow('in set_layoutSizingHorizontal: HUG can only be set on auto-layout frames or text children of auto-layout frames');
    const r = figma.createRectangle();
    expect(() => {
      r.layoutSizingVertical = 'HUG';
    }).toThrow(/HUG can only be set/);
    f.layoutMode = 'VERTICAL';
    f.layoutSizingHorizontal = 'HUG';
    expect(f.counterAxisSizingMode).toBe('AUTO');
  });

  it('layoutWrap can be set on HORIZONTAL and VERTICAL frames, and throws without auto layout', () => {
    // typings L7875: "This property can only be set on layers with layoutMode === "HORIZONTAL" or layoutMode === "VERTICAL".
    // Setting it on layers with a different layoutMode will throw an Error." Before: VERTICAL threw (stricter than Figma).
    const figma = createFigma();
    const f = figma.createFrame();
    expect(() => {
      f.layoutWrap = 'WRAP';
    }).toThrow('in set_layoutWrap: layoutWrap can only be set on layers with layoutMode HORIZONTAL or VERTICAL');
    f.layoutMode = 'VERTICAL';
    f.layoutWrap = 'WRAP';
    expect(f.layoutWrap).toBe('WRAP');
    f.layoutMode = 'HORIZONTAL';
    expect(f.layoutWrap).toBe('WRAP');
  });

  it('min/max only on auto-layout nodes and their children (specs-plugin-1#164)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    expect(() => {
      f.minWidth = 10;
    }).toThrow('in set_minWidth: Can only set minWidth on auto layout nodes and their children');
    f.layoutMode = 'HORIZONTAL';
    f.minWidth = 10;
    f.maxHeight = 300;
    expect([f.minWidth, f.maxHeight]).toEqual([10, 300]);
  });

  it('sizing-mode enums are validated: Expected \'FIXED\' | \'AUTO\', received \'FILL\'', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.layoutMode = 'HORIZONTAL';
    expect(() => {
      f.primaryAxisSizingMode = 'FILL' as 'FIXED';
    }).toThrow("in set_primaryAxisSizingMode: Expected 'FIXED' | 'AUTO', received 'FILL'");
  });

  it('resize() resets sizing to FIXED on both axes (figma/mcp-server-guide skills/figma-use/references/gotchas.md)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.layoutMode = 'VERTICAL';
    f.layoutSizingHorizontal = 'HUG';
    f.layoutSizingVertical = 'HUG';
    f.resize(200, 200);
    expect([f.layoutSizingHorizontal, f.layoutSizingVertical]).toEqual(['FIXED', 'FIXED']);
    expect([f.primaryAxisSizingMode, f.counterAxisSizingMode]).toEqual(['FIXED', 'FIXED']);
  });

  it('layoutSizing FILL maps to layoutGrow / layoutAlign on the parent axis (typings layoutSizingHorizontal)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.layoutMode = 'HORIZONTAL';
    const r = figma.createRectangle();
    f.appendChild(r);
    r.layoutSizingHorizontal = 'FILL';
    r.layoutSizingVertical = 'FILL';
    expect([r.layoutGrow, r.layoutAlign]).toEqual([1, 'STRETCH']);
    r.layoutSizingHorizontal = 'FIXED';
    expect(r.layoutGrow).toBe(0);
    expect(r.layoutSizingVertical).toBe('FILL');
  });
});

describe('autolayout: computed layout', () => {
  it('horizontal hug: padding + spacing + children; counter axis alignment', async () => {
    const figma = await setup();
    const f = figma.createFrame();
    f.layoutMode = 'HORIZONTAL';
    f.paddingLeft = 10;
    f.paddingRight = 20;
    f.paddingTop = 5;
    f.paddingBottom = 5;
    f.itemSpacing = 8;
    f.layoutSizingHorizontal = 'HUG';
    f.layoutSizingVertical = 'HUG';
    const a = box(40, 30, figma);
    const b = box(60, 50, figma);
    f.appendChild(a);
    f.appendChild(b);
    expect([f.width, f.height]).toEqual([10 + 40 + 8 + 60 + 20, 5 + 50 + 5]);
    expect([a.x, a.y, b.x, b.y]).toEqual([10, 5, 58, 5]);
    f.counterAxisAlignItems = 'CENTER';
    expect(a.y).toBe(15);
    f.counterAxisAlignItems = 'MAX';
    expect(a.y).toBe(25);
  });

  it('fixed width with FILL children shares the free space; SPACE_BETWEEN / CENTER / MAX alignment', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.layoutMode = 'HORIZONTAL';
    f.resize(300, 100);
    f.itemSpacing = 10;
    const a = box(50, 20, figma);
    const b = box(50, 20, figma);
    const c = box(50, 20, figma);
    [a, b, c].forEach((n) => f.appendChild(n));
    b.layoutSizingHorizontal = 'FILL';
    c.layoutSizingHorizontal = 'FILL';
    expect([b.width, c.width]).toEqual([(300 - 50 - 20) / 2, (300 - 50 - 20) / 2]);
    expect(c.x).toBe(50 + 10 + 115 + 10);
    b.layoutSizingHorizontal = 'FIXED';
    c.layoutSizingHorizontal = 'FIXED';
    b.resize(50, 20);
    c.resize(50, 20);
    f.primaryAxisAlignItems = 'SPACE_BETWEEN';
    expect([a.x, b.x, c.x]).toEqual([0, 125, 250]);
    f.primaryAxisAlignItems = 'CENTER';
    expect(a.x).toBe((300 - 150 - 20) / 2);
    f.primaryAxisAlignItems = 'MAX';
    expect(c.x).toBe(250);
  });

  it('text HEIGHT inside a FILL-width child of a fixed vertical frame wraps at the parent width (nested hug/fill)', async () => {
    const figma = await setup();
    const card = figma.createFrame();
    card.layoutMode = 'VERTICAL';
    card.resize(200, 10);
    card.paddingLeft = card.paddingRight = 16;
    card.paddingTop = card.paddingBottom = 12;
    card.itemSpacing = 4;
    card.layoutSizingVertical = 'HUG';
    const title = figma.createText();
    const body = figma.createText();
    card.appendChild(title);
    card.appendChild(body);
    title.characters = 'Title';
    body.characters = 'A longer body text that certainly needs to wrap across several lines in a 168px column';
    body.layoutSizingHorizontal = 'FILL';
    expect(body.textAutoResize).toBe('HEIGHT'); // FILL width turned WIDTH_AND_HEIGHT into HEIGHT
    expect(body.width).toBe(168);
    const m = measureText(body.characters, { fontName: { family: 'Inter', style: 'Regular' }, fontSize: 12, width: 168 });
    expect(m.lines.length).toBeGreaterThan(1);
    expect(body.height).toBeCloseTo(m.height, 5);
    expect(card.height).toBeCloseTo(12 + title.height + 4 + m.height + 12, 5);
    expect(body.y).toBeCloseTo(12 + title.height + 4, 5);
    // Making the card wider re-wraps the body and shrinks the card.
    const h0 = card.height;
    card.resize(400, card.height);
    card.layoutSizingVertical = 'HUG';
    expect(body.width).toBe(368);
    expect(card.height).toBeLessThan(h0);
  });

  it('nested: hugging column of FILL rows inside a fixed-width lane', () => {
    const figma = createFigma();
    const lane = figma.createFrame();
    lane.layoutMode = 'HORIZONTAL';
    lane.resize(500, 100);
    lane.layoutSizingVertical = 'HUG';
    lane.itemSpacing = 20;
    const col = figma.createFrame();
    col.layoutMode = 'VERTICAL';
    lane.appendChild(col);
    col.layoutSizingHorizontal = 'FILL';
    col.layoutSizingVertical = 'HUG';
    const fixed = box(100, 40, figma);
    lane.appendChild(fixed);
    const row1 = box(10, 30, figma);
    const row2 = box(10, 50, figma);
    col.appendChild(row1);
    col.appendChild(row2);
    row1.layoutSizingHorizontal = 'FILL';
    row2.layoutSizingHorizontal = 'FILL';
    expect(col.width).toBe(500 - 20 - 100);
    expect(row2.width).toBe(380);
    expect(col.height).toBe(80);
    expect(lane.height).toBe(80);
    expect(fixed.x).toBe(400);
    expect(row2.y).toBe(30);
  });

  it('hidden and ABSOLUTE children take no space; ABSOLUTE keeps its x/y', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.layoutMode = 'VERTICAL';
    const a = box(10, 10, figma);
    const b = box(10, 10, figma);
    const c = box(10, 10, figma);
    [a, b, c].forEach((n) => f.appendChild(n));
    b.visible = false;
    c.layoutPositioning = 'ABSOLUTE';
    c.x = 70;
    c.y = 80;
    expect(f.height).toBe(10);
    expect([c.x, c.y]).toEqual([70, 80]);
  });

  it('layoutWrap WRAP breaks rows at the fixed width with counterAxisSpacing', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.layoutMode = 'HORIZONTAL';
    f.layoutWrap = 'WRAP';
    f.resize(100, 10);
    f.layoutSizingVertical = 'HUG';
    f.itemSpacing = 10;
    f.counterAxisSpacing = 5;
    const kids = [1, 2, 3, 4, 5].map(() => box(40, 20, figma));
    kids.forEach((k) => f.appendChild(k));
    expect(kids.map((k) => [k.x, k.y])).toEqual([[0, 0], [50, 0], [0, 25], [50, 25], [0, 50]]);
    expect(f.height).toBe(70);
  });

  it('VERTICAL + WRAP breaks columns at the fixed height, columns spaced by counterAxisSpacing', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.layoutMode = 'VERTICAL';
    f.layoutWrap = 'WRAP'; // typings L7875
    f.resize(10, 100);
    f.layoutSizingHorizontal = 'HUG';
    f.itemSpacing = 10;
    f.counterAxisSpacing = 5;
    const kids = [1, 2, 3, 4, 5].map(() => box(20, 40, figma));
    kids.forEach((k) => f.appendChild(k));
    expect(kids.map((k) => [k.x, k.y])).toEqual([[0, 0], [0, 50], [25, 0], [25, 50], [50, 0]]);
    expect(f.width).toBe(70);
  });

  it('counterAxisSpacing = null syncs with itemSpacing, in the property and in the layout', () => {
    // typings L8118: "Set this propety to null to have it sync with itemSpacing. This will never return null. Once set to
    // null, it will start returning the value of itemSpacing." Before: it read null and was laid out as 0.
    const figma = createFigma();
    const f = figma.createFrame();
    f.layoutMode = 'HORIZONTAL';
    f.layoutWrap = 'WRAP';
    f.resize(100, 10);
    f.layoutSizingVertical = 'HUG';
    f.itemSpacing = 10;
    f.counterAxisSpacing = null;
    expect(f.counterAxisSpacing).toBe(10);
    const kids = [1, 2, 3].map(() => box(40, 20, figma));
    kids.forEach((k) => f.appendChild(k));
    expect(kids.map((k) => k.y)).toEqual([0, 0, 30]);
    f.itemSpacing = 4;
    expect(f.counterAxisSpacing).toBe(4);
    expect(kids[2]!.y).toBe(24);
    // typings L8114: "The value must be positive".
    expect(() => {
      f.counterAxisSpacing = -1;
    }).toThrow(/in set_counterAxisSpacing/);
  });

  it('min/max clamp sizes', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.layoutMode = 'HORIZONTAL';
    f.layoutSizingHorizontal = 'HUG';
    f.minWidth = 200;
    f.appendChild(box(50, 50, figma));
    expect(f.width).toBe(200);
    f.minWidth = null;
    f.maxWidth = 30;
    expect(f.width).toBe(30);
  });

  it('layout is lazy: writes mark dirty, one pass on read (20k-node maps stay fast)', () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const col = figma.createFrame();
    col.layoutMode = 'VERTICAL';
    for (let i = 0; i < 200; i++) col.appendChild(box(10, 10, figma));
    emu.resetStats();
    expect(col.height).toBe(2000);
    expect(emu.stats().layoutPasses).toBe(1);
    void col.width;
    expect(emu.stats().layoutPasses).toBe(1);
  });

  it('a hugging row grows to its tallest FILL child\'s content, and every FILL child stretches to it (equal-height cells; "ancestor hug, parent fill, child fixed" is valid in Figma: https://www.codeprj.com/zh/blog/ea85b61.html)', () => {
    const figma = createFigma();
    const row = figma.createFrame();
    row.layoutMode = 'HORIZONTAL';
    row.layoutSizingHorizontal = 'HUG';
    row.layoutSizingVertical = 'HUG';
    const cell = (h: number) => {
      const c = figma.createFrame();
      row.appendChild(c);
      c.layoutMode = 'VERTICAL';
      c.resizeWithoutConstraints(100, 40);
      c.layoutSizingVertical = 'FILL';
      c.paddingTop = 10;
      c.paddingBottom = 10;
      const r = figma.createRectangle();
      c.appendChild(r);
      r.resize(50, h);
      return c;
    };
    const short = cell(30);
    const tall = cell(120);
    expect(row.height).toBe(140);
    expect(short.height).toBe(140);
    expect(tall.height).toBe(140);
  });

  it('assumption fillInHugRowGrows = false: FILL cells do not size a hugging row; they collapse to it', () => {
    // [unverified] No source settles a counter-axis FILL child in a HUG parent (fidelity review §1, "FILL-height cells inside
    // HUG rows"); Figma's guide warns that "A HUG parent cannot give FILL children meaningful size … children collapse"
    // (figma/mcp-server-guide figma-power/steering/figma-use/references/gotchas.md). The option models that reading.
    const figma = createFigma({ assumptions: { fillInHugRowGrows: false } });
    const row = figma.createFrame();
    row.layoutMode = 'HORIZONTAL';
    row.layoutSizingHorizontal = 'HUG';
    row.layoutSizingVertical = 'HUG';
    const cell = (h: number) => {
      const c = figma.createFrame();
      row.appendChild(c);
      c.layoutMode = 'VERTICAL';
      c.resizeWithoutConstraints(100, 40);
      c.layoutSizingVertical = 'FILL';
      const r = figma.createRectangle();
      c.appendChild(r);
      r.resize(50, h);
      return c;
    };
    const a = cell(30);
    const b = cell(120);
    // Every child FILLs: the row keeps the height it had (a new frame's 100) and the cells take it; content overflows.
    expect(row.height).toBe(100);
    expect([a.height, b.height]).toEqual([100, 100]);
    // One fixed child: the row hugs it, and the FILL cells collapse to that.
    row.appendChild(box(10, 60, figma));
    expect(row.height).toBe(60);
    expect([a.height, b.height]).toEqual([60, 60]);
  });
});
