// A plain-data picture of a map as it is on the canvas, read by plugin/readback/snapshot.ts from
// the tagged nodes. Everything sync decides is decided from this, in pure code.
import type { TagKind } from '../layout/spec';

export interface SnapshotText {
  kind: TagKind;
  id: string;
  field: string;
  text: string;
  nodeId: string;
  /** False for a node copied from another (its tag names a different node id). */
  original: boolean;
  /** The card frame this text sits in, when it is part of a card. */
  cardNodeId?: string;
}

export interface SnapshotCard {
  id: string;
  nodeId: string;
  original: boolean;
  /** `laneId|stepId` of the cell it sits in; null when dragged out of the grid. */
  cellId: string | null;
  /** Position among the cell's children. */
  index: number;
}

export interface SnapshotPoint {
  curveId: string;
  stepId: string;
  /** Centre of the marker, in the emotion plot's coordinates. */
  centerY: number;
  nodeId: string;
  original: boolean;
}

export interface SnapshotForeign {
  nodeId: string;
  type: string;
  name: string;
  /** Text of a plain text node or a sticky. */
  text?: string;
  cellId?: string;
  index?: number;
}

export interface SnapshotTagged {
  key: string;
  kind: TagKind;
  id: string;
  nodeId: string;
  original: boolean;
}

export interface CanvasSnapshot {
  mapNodeId: string;
  /** True when the map frame itself is a copy of another map (duplicated or pasted). */
  isCopy: boolean;
  texts: SnapshotText[];
  cards: SnapshotCard[];
  points: SnapshotPoint[];
  foreign: SnapshotForeign[];
  /** Every tagged node that is not a text, card or point (stages, steps, lanes, links…). */
  tagged: SnapshotTagged[];
}
