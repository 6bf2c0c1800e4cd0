// isOwnChange (plugin/map/own-writes.ts) decides, for every change of a `nodechange` batch, whether
// the plugin made it. A restyle's batch holds thousands of paint changes; each node read crosses
// into Figma, so such a change is judged from the record of writes alone.
import { describe, expect, it } from 'vitest';
import { emptyWrites, isOwnChange, type RenderWrites } from '../../plugin/map/own-writes';

/** A node whose every property read fails the test: judging must not read it. */
const untouchable = new Proxy({}, { get: (_, key) => { throw new Error(`read ${String(key)}`); } }) as SceneNode;

const change = (properties: NodeChangeProperty[], node: SceneNode = untouchable, origin: 'LOCAL' | 'REMOTE' = 'LOCAL'): NodeChange =>
  ({ type: 'PROPERTY_CHANGE', id: '1:2', origin, node, properties }) as NodeChange;

const writes = (): RenderWrites => {
  const w = emptyWrites();
  w.written.set('1:2', { parentId: '1:1', text: 'Compare swatches' });
  return w;
};

describe('isOwnChange', () => {
  it('a paint or size change of a node the render wrote is the plugin\'s own, without reading the node', () => {
    expect(isOwnChange(change(['fills', 'strokes', 'width']), writes())).toBe(true);
  });

  it('a node the render did not write, or a collaborator\'s change, is never its own', () => {
    expect(isOwnChange(change(['fills']), emptyWrites())).toBe(false);
    expect(isOwnChange(change(['fills'], untouchable, 'REMOTE'), writes())).toBe(false);
  });

  it('a text change is its own only while the node holds the text written', () => {
    const node = (characters: string) => ({ type: 'TEXT', removed: false, characters, parent: { id: '1:1' } }) as unknown as SceneNode;
    expect(isOwnChange(change(['characters', 'fills'], node('Compare swatches')), writes())).toBe(true);
    expect(isOwnChange(change(['characters', 'fills'], node('Compare swatches online')), writes())).toBe(false);
    expect(isOwnChange(change(['characters'], { ...node('Compare swatches'), removed: true } as SceneNode), writes())).toBe(false);
  });
});
