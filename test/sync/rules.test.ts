// reconcile's decisions as small predicates, and reconcile on snapshots (no canvas needed).
import { describe, expect, it } from 'vitest';
import { emotionGeometry, valueToY } from '../../shared/layout/emotion';
import { counts, indexCanvas, isMovedCard, textCounts } from '../../shared/sync/canvas-index';
import { CHANGE_KINDS, hasDeletions } from '../../shared/sync/changes';
import { reconcile } from '../../shared/sync/reconcile';
import { isReordered } from '../../shared/sync/rules/cell-order';
import { movedMarkerValue } from '../../shared/sync/rules/points';
import { isTextEdited } from '../../shared/sync/rules/texts';
import { ChangeSchema } from '../../shared/messages';
import { drawnSnapshot } from './snapshot-fixture';

describe('decisions', () => {
  it('a text is edited when what a person sees differs (line breaks as Figma stores them are equal)', () => {
    expect(isTextEdited('a\nb', 'a\u2028b')).toBe(false);
    expect(isTextEdited('a\nb', 'a\r\nb')).toBe(false);
    expect(isTextEdited('a', 'a ')).toBe(true);
  });

  it('cards are reordered when the canvas order of the cards both sides have differs', () => {
    expect(isReordered(['a', 'b'], ['a', 'x', 'b'])).toBe(false);
    expect(isReordered(['b', 'a'], ['a', 'b'])).toBe(true);
    expect(isReordered(['a'], ['a'])).toBe(false);
  });

  it('a marker moved less than half a pixel, or within the same snapped value, is not moved', () => {
    const g = emotionGeometry({ emotionScale: { min: -2, max: 2, labels: [] } }, 200);
    expect(movedMarkerValue(g, 1, valueToY(g, 1) + 0.4)).toBeNull();
    expect(movedMarkerValue(g, 1, valueToY(g, 1) + 5)).toBeNull();
    expect(movedMarkerValue(g, 1, valueToY(g, -1.2))).toBe(-1);
  });

  it('in a copied map every node counts; otherwise only originals; texts in a duplicated card never', () => {
    expect(counts({ original: false }, { isCopy: true })).toBe(true);
    expect(counts({ original: false }, { isCopy: false })).toBe(false);
    const canvas = indexCanvas({
      mapNodeId: '1:1',
      isCopy: false,
      texts: [],
      cards: [
        { id: 'c', nodeId: '1:2', original: true, cellId: 'l|s', index: 0 },
        { id: 'c', nodeId: '1:3', original: false, cellId: 'l|s', index: 1 },
      ],
      points: [],
      foreign: [],
      tagged: [],
    }, new Set(['c']));
    const text = { kind: 'card' as const, id: 'c', field: 'text', text: 'x', original: true };
    expect(textCounts({ ...text, nodeId: '1:4', cardNodeId: '1:2' }, canvas)).toBe(true);
    expect(textCounts({ ...text, nodeId: '1:5', cardNodeId: '1:3' }, canvas)).toBe(false);
  });

  it('a copy stands for its card only when the card is in the journey and has no original on the map', () => {
    const copy = { id: 'c', nodeId: '2:1', original: false, cellId: 'l|s', index: 0 };
    const original = { ...copy, nodeId: '1:1', original: true };
    expect(isMovedCard(copy, new Map(), () => true)).toBe(true);
    expect(isMovedCard(copy, new Map([['c', original]]), () => true)).toBe(false);
    expect(isMovedCard(copy, new Map(), () => false)).toBe(false);
    expect(isMovedCard(original, new Map(), () => true)).toBe(false);
  });

  it('change kinds are a closed set the message schema checks, and only "delete" deletes', () => {
    expect(ChangeSchema.safeParse({ kind: 'card', id: 'x', summary: 's' }).success).toBe(false);
    for (const kind of CHANGE_KINDS) expect(ChangeSchema.safeParse({ kind, id: 'x', summary: 's' }).success).toBe(true);
    expect(hasDeletions([{ kind: 'move' }, { kind: 'emotion' }])).toBe(false);
    expect(hasDeletions([{ kind: 'text' }, { kind: 'delete' }])).toBe(true);
  });
});

describe('reconcile on a snapshot', () => {
  it('an unchanged map gives no operations, changes or warnings', async () => {
    const { journey, style, snap } = await drawnSnapshot();
    const r = reconcile(journey, style, snap);
    expect(r).toMatchObject({ ops: [], changes: [], warnings: [], adoptions: [], consumed: [], forked: false });
    expect(r.journey).toEqual(journey);
  });
});
