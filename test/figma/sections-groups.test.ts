// Sections, groups and nested frames. Sources: @figma/plugin-typings plugin-api.d.ts (1.142.0): createSection L1297-L1301,
// SectionNode L12314-L12354, figma.group L1859-L1879, figma.ungroup L1949-L1959, DimensionAndPositionMixin x/y/
// absoluteTransform; https://developers.figma.com/docs/plugins/api/SectionNode ;
// https://developers.figma.com/docs/plugins/api/properties/figma-group ; figma/mcp-server-guide
// figma-power/steering/figma-use-figjam/references/position-figjam-nodes.md ("Adding Nodes to a Section").
// The fidelity review (§3 item 4) found no sections in the emulator: every test using createSection failed before
// ("not supported by the emulator: figma.createSection"), and figma.group kept relative, not absolute, positions.
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from './index';

describe('sections', () => {
  it.each(['figma', 'figjam'] as const)('createSection works in %s; a section is a container with its own coordinates', (editorType) => {
    // createSection is not marked "only available in FigJam" (typings L1297-L1301, unlike createConnector L1240).
    const figma = createFigma({ editorType });
    const s = figma.createSection();
    expect(s.type).toBe('SECTION');
    expect(s.name).toBe('Section');
    expect(s.parent).toBe(figma.currentPage);
    s.x = 200;
    s.y = 100;
    s.resize(800, 400); // "Sections do not propagate constraints … behaves equivalently to resizeWithoutConstraints" (typings L12345-L12347)
    expect([s.width, s.height]).toEqual([800, 400]);
    const f = figma.createFrame();
    f.x = 30;
    f.y = 40;
    s.appendChild(f);
    // "when you call appendChild, the node's x/y coordinates become relative to the section's local coordinate space"
    // (mcp-server-guide position-figjam-nodes.md): appendChild keeps x/y, which are now section-local.
    expect(f.parent).toBe(s);
    expect([f.x, f.y]).toEqual([30, 40]);
    expect(f.absoluteTransform[0][2]).toBe(230);
    expect(f.absoluteBoundingBox).toEqual({ x: 230, y: 140, width: 100, height: 100 });
  });

  it('sections nest in sections; frames nest in sections and in frames; absolute positions add up', () => {
    const figma = createFigma();
    const outer = figma.createSection();
    outer.x = 1000;
    const inner = figma.createSection();
    outer.appendChild(inner);
    inner.x = 50;
    inner.y = 60;
    const frame = figma.createFrame();
    inner.appendChild(frame);
    frame.x = 5;
    const child = figma.createFrame();
    frame.appendChild(child);
    child.x = 7;
    child.y = 8;
    expect(child.absoluteBoundingBox).toEqual({ x: 1062, y: 68, width: 100, height: 100 });
    expect(outer.children).toEqual([inner]);
  });

  it('findAll / findAllWithCriteria from the page descend into sections (typings FindAllCriteria)', () => {
    const figma = createFigma();
    const s = figma.createSection();
    const map = figma.createFrame();
    s.appendChild(map);
    map.setPluginData('jm', 'map');
    const card = figma.createFrame();
    map.appendChild(card);
    card.setPluginData('jm', 'card');
    expect(figma.currentPage.findAllWithCriteria({ pluginData: { keys: ['jm'] } })).toEqual([map, card]);
    expect(figma.currentPage.findAllWithCriteria({ types: ['SECTION'] })).toEqual([s]);
    expect(figma.currentPage.findAll((n) => n.getPluginData('jm') === 'map')).toEqual([map]);
    // Only the page's own children are the top level: a map in a section is not one of them.
    expect(figma.currentPage.children).toEqual([s]);
  });

  it('[unverified] a section only goes on a page or in another section (APPROX message)', () => {
    const figma = createFigma();
    const s = figma.createSection();
    const f = figma.createFrame();
    expect(() => f.appendChild(s)).toThrow('in appendChild: A SECTION node can only be a child of a PAGE or another SECTION');
    expect(() => figma.group([s], f)).toThrow(/SECTION node can only be a child/);
  });

  it('has the SectionNode members only: no rotation, no auto layout', () => {
    const figma = createFigma();
    const s = figma.createSection();
    s.sectionContentsHidden = true;
    expect(s.sectionContentsHidden).toBe(true);
    expect(() => (s as unknown as { layoutMode: string }).layoutMode).toThrow('not supported by the emulator: SECTION.layoutMode');
    expect(() => (s as unknown as { rotation: number }).rotation).toThrow(/SECTION.rotation/);
    const c = s.clone();
    expect(c.type).toBe('SECTION');
  });
});

describe('groups', () => {
  it('figma.group keeps every node at the same absolute x/y, even when it comes from another parent (typings L1875)', () => {
    // typings L1875: figma.group "allows you to create the new group while keeping all the grouped layers in the same
    // absolute x/y locations". Before: the emulator appended them, which keeps *relative* positions.
    const figma = createFigma();
    const frame = figma.createFrame();
    frame.x = 100;
    frame.y = 100;
    const r = figma.createRectangle();
    frame.appendChild(r);
    r.x = 10;
    r.y = 10;
    const loose = figma.createRectangle();
    loose.x = 300;
    const g = figma.group([r, loose], figma.currentPage);
    expect(r.parent).toBe(g);
    expect(r.absoluteBoundingBox).toMatchObject({ x: 110, y: 110 });
    expect([r.x, r.y]).toEqual([110, 110]); // group children use the group's containing parent's coordinates
    expect([g.x, g.y, g.width, g.height]).toEqual([110, 0, 290, 210]);
    expect(figma.currentPage.children.at(-1)).toBe(g); // index defaults to the top (typings L1863)
  });

  it('group bounds follow the children; moving the group moves them', () => {
    const figma = createFigma();
    const a = figma.createRectangle();
    const b = figma.createRectangle();
    b.x = 200;
    const g = figma.group([a, b], figma.currentPage);
    expect(g.width).toBe(300);
    b.x = 400;
    expect(g.width).toBe(500);
    g.x = 50;
    expect([a.x, b.x]).toEqual([50, 450]);
  });

  it('groups work inside sections and frames: children keep the section\'s coordinates', () => {
    const figma = createFigma();
    const s = figma.createSection();
    s.x = 500;
    const a = figma.createRectangle();
    s.appendChild(a);
    a.x = 20;
    const g = figma.group([a], s);
    expect(g.parent).toBe(s);
    expect(a.x).toBe(20);
    expect(a.absoluteBoundingBox!.x).toBe(520);
  });

  it('figma.ungroup moves the children to the group\'s parent at its place, keeps positions, removes the group (typings L1949-L1959)', () => {
    const figma = createFigma();
    const first = figma.createRectangle();
    const a = figma.createRectangle();
    const b = figma.createRectangle();
    b.y = 300;
    const last = figma.createRectangle();
    const g = figma.group([a, b], figma.currentPage, 1);
    figma.currentPage.selection = [g];
    const kids = figma.ungroup(g);
    expect(kids).toEqual([a, b]);
    expect(g.removed).toBe(true);
    expect(figma.currentPage.children).toEqual([first, a, b, last]);
    expect(b.y).toBe(300);
    // "If the ungrouped node is part of the current selection, the ungrouped node's children will become part of the selection"
    expect(figma.currentPage.selection).toEqual([a, b]);
  });
});

describe('nested frames', () => {
  it('frames nest in frames; x/y are relative to the parent; appendChild keeps relative x/y', () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const outer = figma.createFrame();
    outer.x = 10;
    outer.y = 20;
    const inner = figma.createFrame();
    inner.x = 5;
    inner.y = 5;
    outer.appendChild(inner); // "x/y are not reset when a node is re-parented" (mcp-server-guide gotchas.md)
    expect([inner.x, inner.y]).toEqual([5, 5]);
    expect(inner.absoluteBoundingBox).toMatchObject({ x: 15, y: 25 });
    expect(emu.inspect(outer).children?.[0]?.id).toBe(inner.id);
  });
});
