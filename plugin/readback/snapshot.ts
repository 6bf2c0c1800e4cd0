// Reads a map's nodes into a plain CanvasSnapshot (shared/sync/snapshot.ts). Only reads: text,
// tags, parent/child order, and the position of emotion markers (children of a frame without
// auto layout, so reading them never forces a layout pass).
import type { CanvasSnapshot, SnapshotCard, SnapshotForeign } from '../../shared/sync/snapshot';
import { readTag, type NodeTag } from '../render/tags';
import { Slicer } from '../yield';

function textOf(node: SceneNode): string | undefined {
  if (node.type === 'TEXT') return node.characters;
  if (node.type === 'STICKY' || node.type === 'SHAPE_WITH_TEXT') return node.text.characters;
  return undefined;
}

const cellIdOf = (node: BaseNode | null): string | null => {
  if (!node) return null;
  const tag = readTag(node);
  return tag?.t?.[0] === 'cell' ? tag.t[1] : null;
};

function foreignOf(node: SceneNode): SnapshotForeign {
  const parent = node.parent;
  const cellId = cellIdOf(parent);
  const text = textOf(node);
  return {
    nodeId: node.id,
    type: node.type,
    name: node.name,
    ...(text !== undefined ? { text } : {}),
    ...(cellId ? { cellId, index: parent && 'children' in parent ? parent.children.indexOf(node) : 0 } : {}),
  };
}

/** Reads the map, yielding to Figma between slices on large maps. */
export async function readSnapshotAsync(map: FrameNode, slicer: Slicer = new Slicer()): Promise<CanvasSnapshot> {
  const mapTag = readTag(map);
  const isCopy = !!mapTag && mapTag.n !== map.id;
  const snap: CanvasSnapshot = { mapNodeId: map.id, isCopy, texts: [], cards: [], points: [], foreign: [], tagged: [] };

  // Untagged nodes are reported once, at their top; tagged nodes inside them (a card frame that
  // lost its tag still holds the card's tagged texts) are read like any other.
  const untagged = new Set<string>();
  const visit = (node: SceneNode, cardNodeId: string | undefined) => {
    const tag: NodeTag | null = readTag(node);
    if (!tag) {
      untagged.add(node.id);
      if (!node.parent || !untagged.has(node.parent.id)) snap.foreign.push(foreignOf(node));
      if ('children' in node) pushChildren(node.children, cardNodeId);
      return;
    }
    const original = tag.n === node.id;
    const [kind, id, field] = tag.t ?? ['decor', tag.k];
    let inCard = cardNodeId;
    if (node.type === 'TEXT' && field !== undefined && kind !== 'point') {
      snap.texts.push({ kind, id, field, text: node.characters, nodeId: node.id, original, ...(cardNodeId ? { cardNodeId } : {}) });
    } else if (kind === 'card' && field === undefined && node.type === 'FRAME') {
      const parent = node.parent;
      const card: SnapshotCard = {
        id,
        nodeId: node.id,
        original,
        cellId: cellIdOf(parent),
        index: parent && 'children' in parent ? parent.children.indexOf(node) : 0,
      };
      snap.cards.push(card);
      inCard = node.id;
    } else if (kind === 'point' && field !== undefined && 'y' in node) {
      snap.points.push({ curveId: id, stepId: field, centerY: node.y + node.height / 2, nodeId: node.id, original });
    } else if (kind !== 'decor') {
      snap.tagged.push({ key: tag.k, kind, id, nodeId: node.id, original });
    }
    if ('children' in node) pushChildren(node.children, inCard);
  };
  // Depth-first in document order, with an explicit stack so a large map can yield part-way.
  const stack: [SceneNode, string | undefined][] = [];
  const pushChildren = (children: readonly SceneNode[], inCard: string | undefined) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as SceneNode, inCard]);
  };
  pushChildren(map.children, undefined);
  while (stack.length) {
    const [node, inCard] = stack.pop() as [SceneNode, string | undefined];
    visit(node, inCard);
    if (slicer.due()) await slicer.yield();
  }
  return snap;
}
