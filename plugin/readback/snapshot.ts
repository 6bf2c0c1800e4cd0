// Reads a map's nodes into a plain CanvasSnapshot (shared/sync/snapshot.ts). Only reads: text,
// tags, parent/child order, and the position of emotion markers (children of a frame without
// auto layout, so reading them never forces a layout pass).
import type { CanvasSnapshot, SnapshotCard } from '../../shared/sync/snapshot';
import { readTag, type NodeTag } from '../render/tags';

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

export function readSnapshot(map: FrameNode): CanvasSnapshot {
  const mapTag = readTag(map);
  const isCopy = !!mapTag && mapTag.n !== map.id;
  const snap: CanvasSnapshot = { mapNodeId: map.id, isCopy, texts: [], cards: [], points: [], foreign: [], tagged: [] };

  const visit = (node: SceneNode, cardNodeId: string | undefined) => {
    const tag: NodeTag | null = readTag(node);
    if (!tag) {
      const parent = node.parent;
      const cellId = cellIdOf(parent);
      const text = textOf(node);
      snap.foreign.push({
        nodeId: node.id,
        type: node.type,
        name: node.name,
        ...(text !== undefined ? { text } : {}),
        ...(cellId ? { cellId, index: parent && 'children' in parent ? parent.children.indexOf(node) : 0 } : {}),
      });
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
      const laneKey = node.parent ? readTag(node.parent)?.k : undefined;
      snap.points.push({ curveId: id, stepId: field, laneId: laneKey?.replace(/^emotion:/, '') ?? '', centerY: node.y + node.height / 2, nodeId: node.id, original });
    } else if (kind !== 'decor') {
      snap.tagged.push({ key: tag.k, kind, id, nodeId: node.id, original });
    }
    if ('children' in node) for (const child of node.children) visit(child, inCard);
  };
  for (const child of map.children) visit(child, undefined);
  return snap;
}
