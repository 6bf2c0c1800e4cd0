// Flow links in Figma Design: every arrow keeps its head, on first render and after a restyle, and
// every arc is drawn where the layout put it, whatever box Figma fits the vector into.
// Sources: node-level strokeCap "is set on the whole vector network"
// (https://developers.figma.com/docs/plugins/api/properties/nodes-strokecap/); a vector's
// "position and size are automatically adjusted to fit its vertices"
// (https://developers.figma.com/docs/plugins/api/VectorNode/).
import { describe, expect, it } from 'vitest';
import { layoutJourney } from '../../shared/layout/layout';
import { walk, type VectorSpec } from '../../shared/layout/spec';
import { readTag } from '../../plugin/render/tags';
import { ctx, draw, example, EXAMPLE_IDS, stage, style } from '../support/map-fixture';

function linkVectors(map: FrameNode): VectorNode[] {
  return map.findAll((n) => n.type === 'VECTOR' && readTag(n)?.t?.[0] === 'link') as VectorNode[];
}

/** The first and last point of a path in our subset (absolute M … C/L … commands). */
function ends(path: string): { start: [number, number]; end: [number, number] } {
  const nums = path.split(/\s+/).filter((t) => !/^[MLCZ]$/.test(t)).map(Number);
  return { start: [nums[0]!, nums[1]!], end: [nums[nums.length - 2]!, nums[nums.length - 1]!] };
}

describe.each(EXAMPLE_IDS)('links of %s in Figma Design', (id) => {
  it('every link ends in an arrowhead carried by its end vertex, after drawing and after a restyle', async () => {
    const s = stage();
    const j = example(id);
    if (!j.links.length) return;
    const { map } = await draw(s, j);
    // Links between cards are said in the cards (composition.test.ts); the rest are arrows in the band.
    let arrows = 0;
    walk(layoutJourney(j, style(), { editor: 'figma' }).root, (spec) => {
      if (spec.type === 'VECTOR' && spec.key.startsWith('link:')) arrows++;
    });
    expect(arrows).toBeGreaterThan(0);
    const check = () => {
      const links = linkVectors(map);
      expect(links.length).toBe(arrows);
      for (const v of links) {
        const vertices = v.vectorNetwork.vertices;
        expect(vertices.at(-1)?.strokeCap, v.name).toBe('ARROW_LINES');
        expect(vertices[0]?.strokeCap, v.name).not.toBe('ARROW_LINES');
      }
    };
    check();
    s.emu.resetStats();
    await s.service.restyleAsync(map.id, style({ theme: 'dark' }), ctx);
    check();
  });

  it('every arc starts and ends where the layout puts it, in the flow band', async () => {
    const s = stage();
    const j = example(id);
    if (!j.links.length) return;
    const { map } = await draw(s, j);
    const specs = new Map<string, VectorSpec>();
    walk(layoutJourney(j, style(), { editor: 'figma' }).root, (spec) => {
      if (spec.type === 'VECTOR' && spec.key.startsWith('link:')) specs.set(spec.key, spec);
    });
    for (const v of linkVectors(map)) {
      const spec = specs.get(readTag(v)?.k ?? '')!;
      const want = ends(spec.path);
      const drawn = v.vectorNetwork.vertices;
      const first = drawn[0]!;
      const last = drawn[drawn.length - 1]!;
      expect([v.x + first.x, v.y + first.y], v.name).toEqual([expect.closeTo(spec.x! + want.start[0], 1), expect.closeTo(spec.y! + want.start[1], 1)]);
      expect([v.x + last.x, v.y + last.y], v.name).toEqual([expect.closeTo(spec.x! + want.end[0], 1), expect.closeTo(spec.y! + want.end[1], 1)]);
    }
  });
});
