// Canvas -> JSON sync: on demand (report, then apply), on open (canvasEdited in the selection
// summary) and live (page nodechange, debounced; LOCAL and REMOTE edits alike). The decisions are
// pure (shared/sync); this module only reads the canvas, rewrites tags of adopted copies, and
// redraws. Live checks run in the bus's queue, so they never interleave with a render. A moved
// emotion marker's curve follows it at once, before any sync (live-curves.ts).
import { entityKey } from '../../shared/layout/keys';
import { loadJourneySteps } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import { validateJourneySteps } from '../../shared/model/validate';
import type { ParsedRequestPayload, ResponsePayload } from '../../shared/messages';
import { settleReviews } from '../../shared/review/stamps';
import { mergeWithDraft } from '../../shared/sync/merge';
import { reconcileSteps, type Adoption, type ReconcileResult } from '../../shared/sync/reconcile';
import type { StyleOptions } from '../../shared/style/options';
import type { Bus } from '../bus';
import { PluginError } from '../errors';
import { readSnapshotAsync } from '../readback/snapshot';
import { runSteps, Slicer } from '../yield';
import { readTag, serializeTag, writeTag, type NodeTag } from '../render/tags';
import { describeStoreRead, hasModel, mapOf, readStoreAsync, storedHeader, type StoredMap } from '../store/model-store';
import { wasInterrupted } from './marker';
import { createCurveFollower } from './live-curves';
import { emptyWrites, isOwnChange, touchesSyncedProperty, type RenderWrites } from './own-writes';

export interface SyncService {
  attach(bus: Bus): void;
  /** A render is about to write: change events are held until endWrites. */
  beginWrites(): void;
  endWrites(): void;
  /** The map now equals its stored journey; `writes` tells the render's own change events apart. */
  remember(map: FrameNode, writes: RenderWrites): void;
  watch(map: FrameNode): void;
  startLive(): void;
  hasCanvasEditsAsync(map: FrameNode, stored: StoredMap): Promise<boolean>;
  /** Resolves when the curves that follow moved emotion markers are redrawn (live-curves.ts). */
  followed(): Promise<void>;
  /** Whether a change event is the plugin's own write: a render's, or a curve following its markers. */
  isOwnChange(change: NodeChange): boolean;
  syncAsync(request: ParsedRequestPayload<'sync'>): Promise<ResponsePayload<'sync'>>;
}

export type Redraw = (map: FrameNode, journey: Journey, style: StyleOptions) => Promise<unknown>;

const DEBOUNCE_MS = 250;

/** Rewrites the tags in a copied card so it stands for its new card id (or, moved, for its own). */
function adopt(root: SceneNode, adoption: Adoption) {
  const from = entityKey('card', adoption.fromId);
  const to = entityKey('card', adoption.toId);
  const visit = (node: SceneNode) => {
    const tag = readTag(node);
    if (tag) {
      const next: NodeTag = { ...tag, n: node.id, k: tag.k.startsWith(from) ? to + tag.k.slice(from.length) : tag.k };
      if (next.t && next.t[0] === 'card' && next.t[1] === adoption.fromId) next.t = next.t.length === 3 ? ['card', adoption.toId, next.t[2]] : ['card', adoption.toId];
      writeTag(node, serializeTag(next));
    }
    if ('children' in node) for (const c of node.children) visit(c);
  };
  visit(root);
}

/** A copied map becomes an original: every tag is rewritten to name its own node. */
function adoptWholeMap(map: FrameNode, journeyId: string) {
  const visit = (node: SceneNode) => {
    const tag = readTag(node);
    if (tag && tag.n !== node.id) {
      const next: NodeTag = { ...tag, n: node.id };
      if (node === map && next.t) next.t = [next.t[0], journeyId];
      writeTag(node, serializeTag(next));
    }
    if ('children' in node) for (const c of node.children) visit(c);
  };
  visit(map);
}

const interruptedError = () =>
  new PluginError('NOT_A_MAP', 'The last update of this map did not finish, so its canvas is not a picture of the journey yet. Update the map (or restyle it) to finish drawing it; then sync.');

/** Runs before a sync writes anything: saves the journey it replaces as a version; returns a warning when it could not. */
export type BeforeApply = (map: FrameNode, replaced: Journey) => Promise<string | undefined>;

export function createSync(figma: PluginAPI, redraw: Redraw, beforeApply?: BeforeApply): SyncService {
  let bus: Bus | null = null;
  let writing = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Change events that arrived while a render was writing, judged once it is done. */
  let held: NodeChange[] = [];
  let lastWrites: RenderWrites = emptyWrites();
  const dirty = new Set<string>();
  const known = new Set<string>();
  /** Maps known to match their stored journey: drawn or synced by us, untouched since. */
  const clean = new Map<string, string>();
  const follower = createCurveFollower(figma, (job) => (bus ? bus.enqueue(job) : job()));

  async function reconcileMapAsync(map: FrameNode): Promise<{ stored: StoredMap; result: ReconcileResult }> {
    const slicer = new Slicer();
    const read = await readStoreAsync(map, slicer);
    if (read.status !== 'ok') {
      const message = describeStoreRead(read);
      throw new PluginError('NOT_A_MAP', `The journey stored on this map cannot be read: ${message}`, [{ path: '', message }]);
    }
    const stored = { value: read.value };
    if (wasInterrupted(map)) throw interruptedError();
    await slicer.yield();
    const snapshot = await readSnapshotAsync(map, slicer);
    await slicer.yield();
    const result = await runSteps(reconcileSteps(stored.value.journey, stored.value.style, snapshot), slicer);
    await slicer.yield();
    return { stored: stored.value, result };
  }

  async function reportLiveAsync() {
    const ids = [...dirty];
    dirty.clear();
    if (!bus) return;
    for (const id of ids) {
      const node = await figma.getNodeByIdAsync(id);
      if (!node || node.type !== 'FRAME' || !hasModel(node) || wasInterrupted(node)) continue;
      try {
        const { result } = await reconcileMapAsync(node);
        if (result.changes.length || result.warnings.length)
          bus.push({ type: 'canvasChanged', payload: { nodeId: node.id, changes: result.changes, warnings: result.warnings } });
      } catch (e) {
        console.warn('Journey Mapper: live sync skipped a map', e);
      }
    }
  }

  function scheduleLiveCheck() {
    if (!dirty.size) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void bus?.enqueue(reportLiveAsync);
    }, DEBOUNCE_MS);
  }

  const isOwn = (change: NodeChange) => isOwnChange(change, lastWrites) || follower.isOwn(change);

  /** Batches waiting to be judged, in the order they came; judged in slices (a restyle's batch holds 12k changes). */
  const unjudged: (readonly NodeChange[])[] = [];
  let judging = false;

  /** Marks the maps a designer's change touched as dirty. */
  function judge(changes: readonly NodeChange[]) {
    unjudged.push(changes);
    if (judging) return;
    judging = true;
    void judgeQueuedAsync()
      .catch((e) => console.warn('Journey Mapper: live sync could not judge a change on the canvas', e))
      .finally(() => {
        judging = false;
      });
  }

  async function judgeQueuedAsync() {
    const slicer = new Slicer();
    for (let batch = unjudged.shift(); batch; batch = unjudged.shift()) {
      judgeBatch(batch);
      await slicer.yield();
    }
  }

  /** At most this many changes are judged between two yields to Figma. */
  const CHANGES_PER_SLICE = 1_000;

  function judgeBatch(changes: readonly NodeChange[]) {
    if (changes.length > CHANGES_PER_SLICE) {
      // The rest waits for the next slice, ahead of any batch that came later.
      unjudged.unshift(changes.slice(CHANGES_PER_SLICE));
      changes = changes.slice(0, CHANGES_PER_SLICE);
    }
    const theirs: NodeChange[] = [];
    for (const change of changes) {
      if (isOwn(change)) continue;
      theirs.push(change);
      const node = change.type === 'DELETE' ? null : (change.node as SceneNode);
      const map = node && !node.removed ? mapOf(node) : null;
      if (map) {
        dirty.add(map.id);
        clean.delete(map.id);
      } else if (change.type === 'DELETE' || (change.type === 'PROPERTY_CHANGE' && touchesSyncedProperty(change))) {
        // Outside any map: a deletion or a move may have taken a map's node away. A page's
        // `children`, a colour or a size outside every map changes no journey.
        for (const id of known) dirty.add(id);
        clean.clear();
      }
    }
    follower.follow(theirs);
    scheduleLiveCheck();
  }

  const onNodeChange = (event: NodeChangeEvent) => {
    if (writing > 0) held.push(...event.nodeChanges);
    else judge(event.nodeChanges);
  };

  return {
    attach(b) {
      bus = b;
    },
    beginWrites() {
      writing++;
    },
    endWrites() {
      writing--;
      if (writing > 0) return;
      const changes = held;
      held = [];
      // Judged against the render that just ended; remember() replaces lastWrites first when it ran.
      if (changes.length) queueMicrotaskLike(() => judge(changes));
    },
    remember(map, writes) {
      lastWrites = writes;
      follower.reset();
      known.add(map.id);
      clean.set(map.id, storedHeader(map));
    },
    watch(map) {
      known.add(map.id);
    },
    startLive() {
      let page = figma.currentPage;
      page.on('nodechange', onNodeChange);
      figma.on('currentpagechange', () => {
        page.off('nodechange', onNodeChange);
        page = figma.currentPage;
        page.on('nodechange', onNodeChange);
      });
    },
    followed: () => follower.idle(),
    isOwnChange: isOwn,
    async hasCanvasEditsAsync(map, stored) {
      if (clean.get(map.id) === storedHeader(map)) return false;
      const slicer = new Slicer();
      const result = await runSteps(reconcileSteps(stored.journey, stored.style, await readSnapshotAsync(map, slicer)), slicer);
      return result.changes.length > 0;
    },
    async syncAsync(request) {
      const map = mapOf(await figma.getNodeByIdAsync(request.nodeId));
      if (!map) throw new PluginError('NOT_A_MAP', 'That layer is not a journey map, or it was deleted.');
      const { stored, result } = await reconcileMapAsync(map);
      let journey = result.journey;
      let conflicts: ResponsePayload<'sync'>['conflicts'] = [];
      let unresolved = 0;
      if (request.draft !== undefined) {
        const draft = await runSteps(loadJourneySteps(request.draft), new Slicer());
        if (!draft.ok) throw new PluginError('INVALID_JOURNEY', 'The draft in the panel has problems; fix them before syncing.', draft.error);
        const merged = mergeWithDraft(stored.journey, draft.value.journey, result.ops, request.resolutions ?? {});
        journey = merged.journey;
        conflicts = merged.conflicts;
        unresolved = merged.unresolved;
      }
      const valid = await runSteps(validateJourneySteps(journey), new Slicer());
      const warnings = [...result.warnings];
      if (!valid.ok) {
        throw new PluginError('INVALID_JOURNEY', 'The canvas edits would make the journey invalid; nothing was changed.', valid.error);
      }
      // Applied, the edits clear the review stamps whose content they changed (kept as lastReview,
      // so the health list says what changed since whose review).
      const settled = settleReviews(stored.journey, valid.value);
      const reply = { journey: JSON.parse(JSON.stringify(settled)) as unknown, changes: result.changes, warnings, conflicts };
      const heldBack = request.allowDeletions === false && result.changes.some((c) => c.kind === 'delete');
      if (!request.apply || unresolved > 0 || heldBack) return { ...reply, applied: false };
      const notSaved = beforeApply ? await beforeApply(map, stored.journey) : undefined;
      if (notSaved) warnings.push({ message: notSaved });
      this.beginWrites();
      try {
        if (result.forked) adoptWholeMap(map, valid.value.id);
        for (const a of result.adoptions) {
          const node = await figma.getNodeByIdAsync(a.nodeId);
          if (node && node.type === 'FRAME') adopt(node, a);
        }
        for (const id of result.consumed) (await figma.getNodeByIdAsync(id))?.remove();
      } finally {
        this.endWrites();
      }
      await redraw(map, settled, stored.style);
      return { ...reply, applied: true };
    },
  };
}

/** Runs `fn` after the current job, so remember() of the same render has run first. */
function queueMicrotaskLike(fn: () => void) {
  void Promise.resolve().then(fn);
}
