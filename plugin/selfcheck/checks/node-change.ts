// How late a page's nodechange batch arrives after a write, and whether two writes to one node in
// one tick arrive as one PROPERTY_CHANGE. The emulator delivers on the next macrotask and merges
// (test/figma/events.ts); Figma documents neither. Page events need no loadAllPagesAsync under
// dynamic-page, unlike documentchange.
import { defineCheck, sleep } from '../check';

const TIMEOUT_MS = 3000;
const ROUNDS = 5;

interface Arrival {
  ms: number | null;
  changes: NodeChange[];
  sync: boolean;
}

/** Registers a page listener, runs `write`, and waits for a batch that reports `nodeId`. */
async function observeWrite(page: PageNode, nodeId: string, write: () => void): Promise<Arrival> {
  let resolve!: (a: Arrival) => void;
  const done = new Promise<Arrival>((r) => (resolve = r));
  let writing = false;
  let start = 0;
  const onChange = (e: NodeChangeEvent) => {
    const mine = e.nodeChanges.filter((c) => c.id === nodeId && c.type === 'PROPERTY_CHANGE');
    if (mine.length) resolve({ ms: Date.now() - start, changes: mine, sync: writing });
  };
  page.on('nodechange', onChange);
  const timer = setTimeout(() => resolve({ ms: null, changes: [], sync: false }), TIMEOUT_MS);
  try {
    start = Date.now();
    writing = true;
    write();
    writing = false;
    return await done;
  } finally {
    clearTimeout(timer);
    page.off('nodechange', onChange);
  }
}

async function probeNode({ figma, scratch, root }: { figma: PluginAPI; scratch: { track<T extends SceneNode>(n: T): T }; root: FrameNode }): Promise<RectangleNode> {
  const rect = scratch.track(figma.createRectangle());
  root.appendChild(rect);
  // Let the batch that reports the creation go by first.
  await sleep(100);
  return rect;
}

export const nodeChangeDelay = defineCheck('nodeChangeDelay', 'nodechange arrives asynchronously after a write', async (env) => {
  const rect = await probeNode(env);
  const page = env.figma.currentPage;
  const samples: Arrival[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    samples.push(await observeWrite(page, rect.id, () => void (rect.x = rect.x + 1)));
    await sleep(20);
  }
  const times = samples.map((s) => s.ms).filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
  const median = times.length ? times[Math.floor(times.length / 2)]! : null;
  const missed = samples.filter((s) => s.ms === null).length;
  const sync = samples.filter((s) => s.sync).length;
  return {
    pass: missed === 0 && sync === 0,
    observed: `${ROUNDS} writes: delays ${samples.map((s) => (s.ms === null ? `none in ${TIMEOUT_MS} ms` : `${s.ms} ms`)).join(', ')}; median ${median ?? '—'} ms${sync ? `; ${sync} delivered during the write` : ''}`,
    found: { nodeChangeDelayMs: missed === ROUNDS ? null : median },
  };
});

export const propertyChangesMerge = defineCheck('propertyChangesMerge', 'Two writes to one node in one tick arrive as one PROPERTY_CHANGE', async (env) => {
  const rect = await probeNode(env);
  const got = await observeWrite(env.figma.currentPage, rect.id, () => {
    rect.x = rect.x + 1;
    rect.opacity = 0.5;
  });
  if (got.ms === null) return { pass: false, observed: `no nodechange within ${TIMEOUT_MS} ms` };
  const described = got.changes.map((c) => `[${c.type === 'PROPERTY_CHANGE' ? c.properties.join(', ') : c.type}]`).join(' ');
  return { pass: got.changes.length === 1, observed: `${got.changes.length} PROPERTY_CHANGE for the node: ${described}` };
});
