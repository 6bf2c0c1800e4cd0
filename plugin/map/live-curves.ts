// While a person drags emotion markers, the curves they belong to follow at once: on the page's
// `nodechange` batch (late and batched, LOCAL or REMOTE), each touched curve's vector is redrawn
// through the values its markers now stand for, as sync will read them (snapped to the scale,
// clamped to its ends), and a moved point's value label follows its point. The markers stay where
// the person put them and the stored journey is not touched: sync still offers the change, and
// applying it redraws the map from the journey. Only the touched curves are read and written; the
// geometry is pure (shared/layout/emotion.ts followMarkers). The redraw's own writes are recorded
// like a render's (own-writes.ts), so they are never read as a person's edit, and since it writes
// no marker it never starts another redraw.
import { followMarkers, valueToY, type EmotionSource } from '../../shared/layout/emotion';
import { cellKey, childKey, entityIdsOf, entityKey } from '../../shared/layout/keys';
import type { StyleOptions } from '../../shared/style/options';
import { writeVectorPath } from '../render/apply';
import { readTag } from '../render/tags';
import { mapOf, readStoreAsync, storedHeader } from '../store/model-store';
import { Slicer } from '../yield';
import { wasInterrupted } from './marker';
import { emptyWrites, isOwnChange, type RenderWrites } from './own-writes';

export interface CurveFollower {
  /** A batch of a person's changes (the plugin's own already left out): redraws the curves of moved markers. */
  follow(changes: readonly NodeChange[]): void;
  /** True for a change event the follower's own redraw caused. */
  isOwn(change: NodeChange): boolean;
  /** A render redrew the map from its journey: what the follower wrote before is gone. */
  reset(): void;
  /** Resolves when every redraw asked for so far is done. */
  idle(): Promise<void>;
  /** Curves redrawn so far (tests: a redraw never starts another). */
  readonly redrawn: number;
}

/** What the follower keeps per map: the emotion part of the stored journey, while the store is unchanged. */
interface Source {
  header: string;
  journey: EmotionSource;
  style: StyleOptions;
}

/** A text written by the layout as `signed(value)` ("+2", "−1", "0"); NaN for anything else. */
const labelValue = (text: string): number => (/^[+\u2212]?\d+(\.\d+)?$|^0$/.test(text) ? Number(text.replace('\u2212', '-')) : NaN);

const round = (v: number) => Math.round(v * 100) / 100;

export function createCurveFollower(figma: PluginAPI, enqueue: (job: () => Promise<void>) => Promise<void>): CurveFollower {
  /** Emotion frames (by node id) and the curves in each whose markers moved, not yet redrawn. */
  let pending = new Map<string, Set<string>>();
  let job: Promise<void> = Promise.resolve();
  let own: RenderWrites = emptyWrites();
  /** The path last written to each curve node, so a batch that changes nothing writes nothing. */
  let written = new Map<string, string>();
  const sources = new Map<string, Source>();
  let redrawn = 0;

  async function sourceOf(map: FrameNode): Promise<Source | null> {
    const header = storedHeader(map);
    const known = sources.get(map.id);
    if (known && known.header === header) return known;
    const read = await readStoreAsync(map, new Slicer());
    if (read.status !== 'ok') return null;
    const { emotionScale, stages, curves, lanes } = read.value.journey;
    const source = { header, journey: { emotionScale, stages, curves, lanes: lanes.filter((l) => l.type === 'emotion') }, style: read.value.style };
    sources.set(map.id, source);
    return source;
  }

  async function redrawFrameAsync(frameId: string, curveIds: ReadonlySet<string>): Promise<void> {
    const frame = await figma.getNodeByIdAsync(frameId);
    if (!frame || frame.type !== 'FRAME') return;
    const laneId = entityIdsOf(readTag(frame)?.k ?? '', 'emotion')?.[0];
    const map = mapOf(frame);
    if (laneId === undefined || !map || map === frame || wasInterrupted(map)) return;
    const source = await sourceOf(map);
    if (!source) return;

    // One pass over the lane's own children (never the whole map): the touched curves' vectors,
    // markers and value labels, found by their layout keys.
    const curveKeys = new Map([...curveIds].map((id) => [entityKey('curve', laneId, id), id]));
    const labelKeys = new Map<string, { curveId: string; stepId: string }>();
    for (const curve of source.journey.curves)
      if (curveIds.has(curve.id)) for (const p of curve.points) labelKeys.set(childKey(entityKey('point', laneId, curve.id, p.stepId), 'value'), { curveId: curve.id, stepId: p.stepId });
    const centers = new Map<string, number>();
    const vectors = new Map<string, VectorNode>();
    const labels = new Map<string, TextNode>();
    const slicer = new Slicer();
    for (const child of frame.children) {
      if (slicer.due()) await slicer.yield();
      const tag = readTag(child);
      if (!tag) continue;
      const [kind, id, field] = tag.t ?? ['decor', tag.k];
      if (kind === 'point' && field !== undefined && curveIds.has(id)) centers.set(cellKey(id, field), child.y + child.height / 2);
      else if (child.type === 'VECTOR' && curveKeys.has(tag.k)) vectors.set(curveKeys.get(tag.k) as string, child);
      else if (child.type === 'TEXT' && labelKeys.has(tag.k)) {
        const at = labelKeys.get(tag.k) as { curveId: string; stepId: string };
        labels.set(cellKey(at.curveId, at.stepId), child);
      }
    }
    if (frame.removed) return;

    const { geometry, curves } = followMarkers(source.journey, source.style.density, laneId, centers);
    for (const curve of curves) {
      const vector = vectors.get(curve.curveId);
      if (!curveIds.has(curve.curveId) || !vector || vector.removed) continue;
      const signature = `${curve.shape.x} ${curve.shape.y} ${curve.shape.path}`;
      if (written.get(vector.id) === signature) continue;
      await writeVectorPath(vector, curve.shape, true);
      written.set(vector.id, signature);
      own.written.set(vector.id, { parentId: frame.id, x: vector.x, y: vector.y });
      redrawn++;
      for (const point of curve.points) await moveLabelAsync(labels.get(cellKey(curve.curveId, point.stepId)), point, (v) => valueToY(geometry, v), frame.id);
    }
  }

  /** A point's value label shows the new value, as far from its point as before (skipped when a person rewrote it). */
  async function moveLabelAsync(label: TextNode | undefined, point: { y: number; label: string; labelWidth: number }, yOf: (value: number) => number, parentId: string) {
    if (!label || label.removed || label.characters === point.label) return;
    const shown = labelValue(label.characters);
    if (Number.isNaN(shown) || label.fontName === figma.mixed) return;
    await figma.loadFontAsync(label.fontName);
    const center = label.x + label.width / 2;
    label.characters = point.label;
    if (Math.abs(label.width - point.labelWidth) > 0.5) {
      label.resize(point.labelWidth, label.height);
      label.textAutoResize = 'HEIGHT';
    }
    label.x = round(center - label.width / 2);
    label.y = round(label.y + point.y - yOf(shown));
    own.written.set(label.id, { parentId, text: label.characters, x: label.x, y: label.y });
  }

  async function runAsync() {
    const work = pending;
    pending = new Map();
    for (const [frameId, curveIds] of work) {
      try {
        await redrawFrameAsync(frameId, curveIds);
      } catch (e) {
        console.warn('Journey Mapper: an emotion curve could not follow its markers', e);
      }
    }
  }

  return {
    follow(changes) {
      const before = pending.size;
      for (const change of changes) {
        if (change.type !== 'PROPERTY_CHANGE' || !change.properties.some((p) => p === 'x' || p === 'y')) continue;
        const node = change.node as SceneNode;
        if (node.removed) continue;
        const tag = readTag(node);
        const parent = node.parent;
        if (tag?.t?.[0] !== 'point' || !parent || parent.type !== 'FRAME') continue;
        const curves = pending.get(parent.id) ?? new Set<string>();
        curves.add(tag.t[1]);
        pending.set(parent.id, curves);
      }
      // One job takes every frame waiting when it starts; a batch arriving meanwhile gets the next.
      if (pending.size && !before) job = enqueue(runAsync);
    },
    isOwn: (change) => isOwnChange(change, own),
    reset() {
      own = emptyWrites();
      written = new Map();
    },
    idle: () => job,
    get redrawn() {
      return redrawn;
    },
  };
}
