// Dragging emotion markers on the emulated canvas: their curves follow on the nodechange batch,
// before any sync, as the plugin's own writes; the stored journey waits for the person to apply.
import { describe, expect, it } from 'vitest';
import { emotionGeometry, valueToY } from '../../shared/layout/emotion';
import { childKey, entityKey } from '../../shared/layout/keys';
import { METRICS } from '../../shared/layout/metrics';
import type { Journey } from '../../shared/model/types';
import { readModel } from '../../plugin/store/model-store';
import { findTagged, readTag } from '../../plugin/render/tags';
import { draw, example, stage, style, type Stage } from '../support/map-fixture';

const LANE = 'l-emotion';

function nodeByKey(map: FrameNode, key: string): SceneNode {
  const node = findTagged(map).find((n) => readTag(n)?.k === key);
  if (!node) throw new Error(`no node ${key}`);
  return node;
}
const marker = (map: FrameNode, curveId: string, stepId: string) => nodeByKey(map, entityKey('point', LANE, curveId, stepId)) as EllipseNode;
const label = (map: FrameNode, curveId: string, stepId: string) => nodeByKey(map, childKey(entityKey('point', LANE, curveId, stepId), 'value')) as TextNode;
const curve = (map: FrameNode, curveId: string) => nodeByKey(map, entityKey('curve', LANE, curveId)) as VectorNode;

/** The curve's vertices in the emotion frame's coordinates, rounded to 0.01. */
const vertices = (v: VectorNode) => v.vectorNetwork.vertices.map((p) => ({ x: Math.round((v.x + p.x) * 100) / 100, y: Math.round((v.y + p.y) * 100) / 100 }));

const stored = (map: FrameNode): Journey => {
  const r = readModel(map);
  if (!r.ok) throw new Error(r.error[0]?.message);
  return r.value.journey;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A person drags a marker so its centre sits at `value` (off the scale's points, or beyond its ends). */
function drag(s: Stage, map: FrameNode, journey: Journey, curveId: string, stepId: string, value: number) {
  const g = emotionGeometry(journey, METRICS.comfortable.emotionHeight);
  const m = marker(map, curveId, stepId);
  s.emu.user.move(m, m.x + 3, valueToY(g, value) - m.height / 2);
}

describe('live: an emotion curve follows its dragged markers', { timeout: 60_000 }, () => {
  it('redraws the touched curves on a late batch of several moves, before sync, as its own writes', async () => {
    // Figma delivers nodechange late and batched: three drags on two curves arrive as one batch.
    const s = stage('figma', undefined, { nodeChangeDelayMs: 400 });
    const journey = example('retail-purchase');
    const { map } = await draw(s, journey);
    s.pushes.length = 0;
    const g = emotionGeometry(journey, METRICS.comfortable.emotionHeight);
    const untouched = curve(map, 'cv-maya-to-be').vectorPaths[0]!.data;
    const waitLabel = label(map, 'cv-maya-as-is', 's-wait');
    const waitLabelY = waitLabel.y;
    const seen: NodeChange[] = [];
    s.figma.currentPage.on('nodechange', (e) => void seen.push(...e.nodeChanges));
    s.emu.resetStats();

    drag(s, map, journey, 'cv-maya-as-is', 's-wait', 1.3); // -2 -> 1 (snapped)
    await sleep(30);
    drag(s, map, journey, 'cv-maya-as-is', 's-browse', -2); // 0 -> -2
    await sleep(30);
    drag(s, map, journey, 'cv-tom-as-is', 's-checkout', 2.8); // -2 -> 2 (clamped to the scale)
    const dragged = marker(map, 'cv-maya-as-is', 's-wait');
    const droppedAt = { x: dragged.x, y: dragged.y };
    await s.emu.flush();
    await s.service.sync.followed();

    // The two touched curves pass through the values sync will read, at the steps' columns.
    const maya = vertices(curve(map, 'cv-maya-as-is'));
    const steps = journey.curves[0]!.points.map((p) => p.stepId);
    expect(maya[steps.indexOf('s-wait')]!.y).toBeCloseTo(valueToY(g, 1), 2);
    expect(maya[steps.indexOf('s-browse')]!.y).toBeCloseTo(valueToY(g, -2), 2);
    const tomSteps = journey.curves[2]!.points.map((p) => p.stepId);
    expect(vertices(curve(map, 'cv-tom-as-is'))[tomSteps.indexOf('s-checkout')]!.y).toBeCloseTo(valueToY(g, 2), 2);
    // The untouched curve is not rewritten; the markers stay where the person dropped them.
    expect(curve(map, 'cv-maya-to-be').vectorPaths[0]!.data).toBe(untouched);
    expect({ x: dragged.x, y: dragged.y }).toEqual(droppedAt);
    // The moved point's value label shows its new value, as far from its point as before.
    expect(waitLabel.characters).toBe('+1');
    expect(waitLabel.y).toBeCloseTo(waitLabelY + valueToY(g, 1) - valueToY(g, -2), 1);
    expect(s.emu.stats().writesByProperty.vectorPaths).toBe(2);

    // Its own writes are told apart from the person's drags, and start no further redraw.
    await s.emu.flush();
    await sleep(300);
    await s.emu.flush();
    await s.service.sync.followed();
    const followerNodes = new Set([curve(map, 'cv-maya-as-is').id, curve(map, 'cv-tom-as-is').id, waitLabel.id]);
    const ours = seen.filter((c) => followerNodes.has(c.id));
    const drags = seen.filter((c) => c.id === dragged.id);
    expect(ours.length).toBeGreaterThanOrEqual(3);
    expect(ours.every((c) => s.service.sync.isOwnChange(c))).toBe(true);
    expect(drags.length).toBe(1);
    expect(s.service.sync.isOwnChange(drags[0]!)).toBe(false);
    expect(s.emu.stats().writesByProperty.vectorPaths).toBe(2);

    // The journey is unchanged: the live check and the sync review still offer the three changes.
    expect(stored(map)).toEqual(journey);
    // (The render's view frames, outside the map, start a live check of their own, which may see
    // some of the drags: every push lists only these emotion changes, the last one all three.)
    const full = () => s.pushes.some((p) => p.type === 'canvasChanged' && p.payload.changes.length === 3);
    for (let t = 0; t < 5000 && !full(); t += 20) await sleep(20);
    const pushed = s.pushes.flatMap((p) => (p.type === 'canvasChanged' ? [p.payload.changes.map((c) => `${c.kind} ${c.id} ${c.field}`)] : []));
    expect(pushed.length).toBeGreaterThanOrEqual(1);
    expect(pushed[pushed.length - 1]).toEqual(['emotion cv-maya-as-is s-browse', 'emotion cv-maya-as-is s-wait', 'emotion cv-tom-as-is s-checkout']);
    for (const changes of pushed) expect(pushed[pushed.length - 1]).toEqual(expect.arrayContaining(changes));
    const review = await s.service.syncAsync({ nodeId: map.id, apply: false });
    expect(review.changes.map((c) => [c.id, c.field, c.before, c.after])).toEqual([
      ['cv-maya-as-is', 's-browse', 0, -2],
      ['cv-maya-as-is', 's-wait', -2, 1],
      ['cv-tom-as-is', 's-checkout', -2, 2],
    ]);

    // Applying draws the same curves the live redraw showed.
    const live = [vertices(curve(map, 'cv-maya-as-is')), vertices(curve(map, 'cv-tom-as-is'))];
    await s.service.syncAsync({ nodeId: map.id, apply: true });
    expect([vertices(curve(map, 'cv-maya-as-is')), vertices(curve(map, 'cv-tom-as-is'))]).toEqual(live);
    expect(label(map, 'cv-maya-as-is', 's-wait').characters).toBe('+1');
  });

  it('a drag within the snap changes no drawing; a render afterwards draws the journey over a followed curve', async () => {
    const s = stage();
    const journey = example('retail-purchase');
    const { map } = await draw(s, journey);
    const before = curve(map, 'cv-tom-as-is').vectorPaths[0]!.data;
    // Within the snap: the value sync reads is the journey's, so the curve keeps its drawing.
    drag(s, map, journey, 'cv-tom-as-is', 's-wait', -1.2);
    await s.emu.flush();
    await s.service.sync.followed();
    expect(curve(map, 'cv-tom-as-is').vectorPaths[0]!.data).toBe(before);
    expect(label(map, 'cv-tom-as-is', 's-wait').characters).toBe('\u22121');
    const g = emotionGeometry(journey, METRICS.comfortable.emotionHeight);
    const atWait = () => vertices(curve(map, 'cv-tom-as-is'))[journey.curves[2]!.points.findIndex((p) => p.stepId === 's-wait')]!.y;
    drag(s, map, journey, 'cv-tom-as-is', 's-wait', 1.6);
    await s.emu.flush();
    await s.service.sync.followed();
    expect(atWait()).toBeCloseTo(valueToY(g, 2), 2);
    // The panel updates the map with a journey of its own (s-wait = 1): the render draws it, over the followed curve.
    const edited = structuredClone(journey);
    edited.curves[2]!.points.find((p) => p.stepId === 's-wait')!.value = 1;
    await draw(s, edited, style(), map.id);
    await s.service.sync.followed();
    expect(atWait()).toBeCloseTo(valueToY(g, 1), 2);
  });
});
