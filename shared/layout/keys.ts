// Layout keys: how the renderer finds a node again on the next render (SpecBase.key), and the
// cell ids sync reads a card's lane and step from. Every key is built here from parts, and every
// part is escaped, so two nodes never share a key whatever the ids hold (a metric id may look
// like another metric's index; ids may hold `:` and `.`, so `:` never separates two ids):
//
//   entityKey('card', id)                 card:<id>
//   entityKey('curve', laneId, curveId)   curve:<laneId>|<curveId>
//   childKey(key, 'owner', 'label')       <key>/owner/label
//   cellKey(laneId, stepId)               <laneId>|<stepId>   (a cell's id; parseCellKey reads it)
//
// A key reads back unambiguously: the kind runs to the first `:`, parts are split at `/`, and the
// ids of an entity at `|`; `%`, `/` and `|` inside a part are escaped (none is in the id alphabet,
// so ids are written as they are and keys of existing maps stay put).
const ESCAPED = /[%/|]/g;
const ESCAPES: Record<string, string> = { '%': '%25', '/': '%2F', '|': '%7C' };
const UNESCAPED = /%(25|2F|7C)/g;

const NEEDS_ESCAPE = /[%/|]/;

/**
 * One part of a key, with the separators (`/`, `|`) and the escape character (`%`) escaped. Ids
 * rarely hold them, so the common case is a test, not a replace (keys are built for every node of
 * every layout, in the sandbox's interpreter).
 */
export const keyPart = (part: string | number): string => {
  const s = typeof part === 'string' ? part : String(part);
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPED, (c) => ESCAPES[c] ?? c) : s;
};

const readPart = (part: string): string => part.replace(UNESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A cell's id (the id in its tag): `laneId|stepId`. */
export function cellKey(laneId: string, stepId: string): string {
  return `${keyPart(laneId)}|${keyPart(stepId)}`;
}

/** The lane and step of a cell id made by cellKey; null for anything else. */
export function parseCellKey(cellId: string): { laneId: string; stepId: string } | null {
  const parts = cellId.split('|');
  if (parts.length !== 2) return null;
  const [lane, step] = parts as [string, string];
  return { laneId: readPart(lane), stepId: readPart(step) };
}

/** The key of an entity's own node: `kind:id`, or `kind:id|id…` for one drawn per lane, step or curve. */
export function entityKey(kind: string, ...ids: (string | number)[]): string {
  let key = `${kind}:`;
  for (let i = 0; i < ids.length; i++) key += (i ? '|' : '') + keyPart(ids[i] as string | number);
  return key;
}

/** The ids of an entity key made by entityKey(kind, ...ids); null for a key of another kind or a child key. */
export function entityIdsOf(key: string, kind: string): string[] | null {
  const head = `${kind}:`;
  if (!key.startsWith(head) || key.includes('/')) return null;
  return key.slice(head.length).split('|').map(readPart);
}

/** The key of a node inside another: `parent/part/part…`. */
export function childKey(parent: string, ...parts: (string | number)[]): string {
  let key = parent;
  for (const part of parts) key += `/${keyPart(part)}`;
  return key;
}

/** The key of a cell's frame: `cell:` and the cell's id. */
export const cellFrameKey = (laneId: string, stepId: string): string => entityKey('cell', laneId, stepId);
