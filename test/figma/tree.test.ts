// Document tree rules. Sources: typings ChildrenMixin (appendChild L7049-L7059) / BaseNodeMixin (remove L6423)
// (https://developers.figma.com/docs/plugins/api/properties/nodes-appendchild, .../nodes-remove, .../nodes-clone).
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from './index';

describe('tree', () => {
  it('creates a document with one page; new nodes land on the current page at 0,0 with 100x100 (typings createFrame)', () => {
    const figma = createFigma();
    expect(figma.root.type).toBe('DOCUMENT');
    expect(figma.root.children.length).toBe(1);
    const f = figma.createFrame();
    expect(f.parent).toBe(figma.currentPage);
    expect([f.x, f.y, f.width, f.height]).toEqual([0, 0, 100, 100]);
    expect(figma.currentPage.children).toContain(f);
  });

  it('ids are unique "n:m" strings per instance, and instances share no state', () => {
    const a = createFigma();
    const b = createFigma();
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) ids.add(a.createRectangle().id);
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^\d+:\d+$/);
    expect(b.currentPage.children.length).toBe(0);
    expect(emulatorOf(a)).not.toBe(emulatorOf(b));
  });

  it('appendChild / insertChild re-parent (nodes-appendchild docs)', () => {
    const figma = createFigma();
    const a = figma.createFrame();
    const b = figma.createFrame();
    const r = figma.createRectangle();
    a.appendChild(r);
    expect(r.parent).toBe(a);
    b.appendChild(r);
    expect(r.parent).toBe(b);
    expect(a.children.length).toBe(0);
    const r2 = figma.createRectangle();
    b.insertChild(0, r2);
    expect(b.children.map((c) => c.id)).toEqual([r2.id, r.id]);
    b.insertChild(2, r2); // move to end within the same parent
    expect(b.children.map((c) => c.id)).toEqual([r.id, r2.id]);
  });

  it('cycles throw; the root only accepts pages; pages cannot go into frames (nodes-appendchild; APPROX messages)', () => {
    const figma = createFigma();
    const a = figma.createFrame();
    const b = figma.createFrame();
    a.appendChild(b);
    expect(() => b.appendChild(a)).toThrow(/cannot be a child of itself or of its descendants/);
    expect(() => a.appendChild(a)).toThrow(/cannot be a child of itself/);
    expect(() => figma.root.appendChild(a as unknown as PageNode)).toThrow('in appendChild: The root node can only have page children');
    const p = figma.createPage();
    expect(() => a.appendChild(p as unknown as SceneNode)).toThrow(/page/);
    expect(figma.root.children.length).toBe(2);
  });

  it('children is a frozen read-only array', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.appendChild(figma.createRectangle());
    expect(Object.isFrozen(f.children)).toBe(true);
    expect(() => (f.children as SceneNode[]).push(figma.createRectangle())).toThrow(TypeError);
  });

  it('remove(): removed nodes report removed=true and throw on any other use (nodes-remove; APPROX message)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    const r = figma.createRectangle();
    f.appendChild(r);
    f.remove();
    expect(f.removed).toBe(true);
    expect(r.removed).toBe(true);
    expect(() => f.name).toThrow(/in get_name: The node with id ".*" does not exist/);
    expect(() => {
      r.x = 4;
    }).toThrow(/in set_x/);
    const spare = figma.createRectangle();
    expect(() => f.appendChild(spare)).toThrow(/does not exist/);
    expect(figma.currentPage.children.map((c) => c.id)).toEqual([spare.id]);
  });

  it('clone() keeps the original\'s paints and auto layout, not the new-node defaults (a duplicate looks the same)', async () => {
    const figma = createFigma({ editorType: 'figjam' });
    const f = figma.createFrame();
    f.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }];
    f.layoutMode = 'VERTICAL';
    f.itemSpacing = 7;
    const copy = f.clone();
    expect((copy.fills as SolidPaint[])[0]?.color).toEqual({ r: 1, g: 0, b: 0 });
    expect(copy.layoutMode).toBe('VERTICAL');
    expect(copy.itemSpacing).toBe(7);
    await figma.loadFontAsync({ family: 'Inter', style: 'Medium' });
    const sticky = figma.createSticky();
    sticky.text.characters = 'Call the courier';
    expect(sticky.clone().text.characters).toBe('Call the courier');
  });

  it('clone() copies plugin data and children, parents under figma.currentPage (typings FrameNode.clone)', () => {
    const figma = createFigma();
    const host = figma.createFrame();
    const f = figma.createFrame();
    host.appendChild(f);
    f.setPluginData('jm_ref', '{"id":"a"}');
    f.setSharedPluginData('journeymap', 'k', 'v');
    const r = figma.createRectangle();
    r.setPluginData('x', '1');
    f.appendChild(r);
    const c = f.clone();
    expect(c.id).not.toBe(f.id);
    expect(c.parent).toBe(figma.currentPage);
    expect(c.getPluginData('jm_ref')).toBe('{"id":"a"}');
    expect(c.getSharedPluginData('journeymap', 'k')).toBe('v');
    expect(c.children.length).toBe(1);
    expect(c.children[0]!.id).not.toBe(r.id);
    expect(c.children[0]!.getPluginData('x')).toBe('1');
    c.setPluginData('jm_ref', 'changed');
    expect(f.getPluginData('jm_ref')).toBe('{"id":"a"}');
  });

  it('figma.group wraps nodes; the group takes the bounds of its children', () => {
    const figma = createFigma();
    const a = figma.createRectangle();
    const b = figma.createRectangle();
    a.x = 10;
    a.y = 10;
    b.x = 200;
    b.y = 50;
    const g = figma.group([a, b], figma.currentPage);
    expect(g.type).toBe('GROUP');
    expect([g.x, g.y, g.width, g.height]).toEqual([10, 10, 290, 140]);
    g.x = 0;
    expect(a.x).toBe(0);
    expect(b.x).toBe(190);
    b.remove();
    a.remove();
    expect(g.removed).toBe(true); // empty groups delete themselves
  });

  it('findAll / findOne / findChildren / findChild / findAllWithCriteria (FindAllCriteria docs)', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    const t = figma.createText();
    const r = figma.createRectangle();
    const inner = figma.createFrame();
    inner.appendChild(r);
    f.appendChild(t);
    f.appendChild(inner);
    r.setPluginData('jm_ref', 'x');
    inner.setPluginData('other', 'y');
    expect(f.findAll().map((n) => n.id)).toEqual([t.id, inner.id, r.id]);
    expect(f.findOne((n) => n.type === 'RECTANGLE')).toBe(r);
    expect(f.findChildren((n) => n.type === 'FRAME')).toEqual([inner]);
    expect(f.findChild((n) => n.type === 'TEXT')).toBe(t);
    expect(f.findAllWithCriteria({ types: ['TEXT'] })).toEqual([t]);
    expect(f.findAllWithCriteria({ pluginData: { keys: ['jm_ref'] } }).map((n) => n.id)).toEqual([r.id]);
    expect(f.findAllWithCriteria({ pluginData: {} }).length).toBe(2);
  });

  it('name, visible, locked, opacity round-trip with validation', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    f.name = 'Map';
    f.visible = false;
    f.locked = true;
    f.opacity = 0.5;
    expect([f.name, f.visible, f.locked, f.opacity]).toEqual(['Map', false, true, 0.5]);
    expect(() => {
      f.opacity = 2;
    }).toThrow(/opacity/);
  });

  it('unsupported members throw "not supported by the emulator: NAME" instead of returning undefined', () => {
    const figma = createFigma();
    const f = figma.createFrame();
    expect(() => (f as unknown as Record<string, unknown>)['exportAsync']).toThrow('not supported by the emulator: FRAME.exportAsync');
    expect(() => figma.createComponent()).toThrow('not supported by the emulator: figma.createComponent');
    const g = figma.group([figma.createRectangle()], figma.currentPage);
    expect(() => (g as unknown as { fills: unknown }).fills).toThrow(/not supported by the emulator: GROUP.fills/);
  });

  it('FigJam nodes only exist in figjam; createConnector in Figma Design throws (typings L1240-L1271; planetscale/figma-diagram-generator#1)', () => {
    const design = createFigma({ editorType: 'figma' });
    expect(() => design.createConnector()).toThrow(/createConnector is not a function/);
    expect(() => design.createSticky()).toThrow(/not a function/);
    expect(() => design.createShapeWithText()).toThrow(/not a function/);
    const jam = createFigma({ editorType: 'figjam' });
    expect(jam.editorType).toBe('figjam');
    const c = jam.createConnector();
    expect(c.type).toBe('CONNECTOR');
    expect(jam.createSticky().type).toBe('STICKY');
    expect(jam.createShapeWithText().type).toBe('SHAPE_WITH_TEXT');
  });
});
