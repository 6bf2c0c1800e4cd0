// Tells the plugin's own canvas changes from a designer's, by what the nodes now hold rather than
// by when the change events arrive: Figma delivers `nodechange` batches later, "periodically"
// (typings: PageNode.on('nodechange')), and a collaborator's edit may land in the same batch.
// A change is ours when it concerns a node the last render wrote and every property sync reads
// (its text, its parent, its position) still holds what the render wrote. REMOTE changes are
// never ours.
export interface Written {
  parentId: string | null;
  /** The characters written, for text nodes. */
  text?: string;
  /** The position written, for nodes placed at x/y (emotion markers, links). */
  x?: number;
  y?: number;
}

export interface RenderWrites {
  written: Map<string, Written>;
  created: Set<string>;
  removed: Set<string>;
}

export const emptyWrites = (): RenderWrites => ({ written: new Map(), created: new Set(), removed: new Set() });

/** Adds what `more` wrote to `into` (a map's render and its views' renders make one record). */
export function mergeWrites(into: RenderWrites, more: RenderWrites): void {
  for (const [id, w] of more.written) into.written.set(id, w);
  for (const id of more.created) into.created.add(id);
  for (const id of more.removed) into.removed.add(id);
}

/** Properties a designer's edit that sync reads can show up under; others never change the journey. */
const SYNC_PROPERTIES = new Set(['characters', 'parent', 'x', 'y']);

/** A property change sync could read as an edit (text, parent, position); others never change a journey. */
export const touchesSyncedProperty = (change: PropertyChange): boolean => change.properties.some((p) => SYNC_PROPERTIES.has(p));

const near = (a: number | undefined, b: number) => a === undefined || Math.abs(a - b) < 0.01;

export function isOwnChange(change: NodeChange, writes: RenderWrites): boolean {
  if (change.origin === 'REMOTE') return false;
  if (change.type === 'CREATE') return writes.created.has(change.id);
  if (change.type === 'DELETE') return writes.removed.has(change.id);
  if (change.type !== 'PROPERTY_CHANGE') return false;
  const w = writes.written.get(change.id);
  if (!w) return false;
  // A restyle's batch is thousands of paint changes: judged without reading a node (each read crosses into Figma).
  if (!touchesSyncedProperty(change)) return true;
  const node = change.node as SceneNode;
  if (node.removed) return false;
  for (const prop of change.properties) {
    if (!SYNC_PROPERTIES.has(prop)) continue;
    if (prop === 'characters' && (node.type !== 'TEXT' || w.text === undefined || node.characters !== w.text)) return false;
    if (prop === 'parent' && (node.parent?.id ?? null) !== w.parentId) return false;
    if (prop === 'x' && !near(w.x, node.x)) return false;
    if (prop === 'y' && !near(w.y, node.y)) return false;
  }
  return true;
}
