// Three-way merge of canvas edits with the UI's draft, against the stored journey as the common
// base. A field changed only on the canvas takes the canvas value; changed only in the draft
// keeps the draft's; changed in both to different values is a conflict that the designer
// resolves field by field. Nothing is overwritten without being listed.
import { indexJourney } from '../model/journey-index';
import type { Journey } from '../model/types';
import { applyOps, conflictTarget, type SyncOp } from './ops';

export interface MergeConflict {
  key: string;
  id: string;
  field: string;
  base: unknown;
  canvas: unknown;
  draft: unknown;
  summary: string;
}

export interface MergeResult {
  journey: Journey;
  conflicts: MergeConflict[];
  /** Conflicts without a resolution (the draft's value is kept for them until resolved). */
  unresolved: number;
}

const parse = (s: string): unknown => JSON.parse(s) as unknown;

export function mergeWithDraft(base: Journey, draft: Journey, ops: readonly SyncOp[], resolutions: Readonly<Record<string, 'canvas' | 'draft'>> = {}): MergeResult {
  const kept: SyncOp[] = [];
  const conflicts: MergeConflict[] = [];
  let unresolved = 0;
  const baseIx = indexJourney(base);
  const draftIx = indexJourney(draft);
  for (const op of ops) {
    const target = conflictTarget(op);
    if (!target) {
      kept.push(op);
      continue;
    }
    const { key, id, field } = target;
    const b = target.read(baseIx);
    const d = target.read(draftIx);
    const c = target.after(baseIx);
    if (d === b) kept.push(op);
    else if (d === c) continue;
    else {
      conflicts.push({ key, id, field, base: parse(b), canvas: parse(c), draft: parse(d), summary: `${key}: canvas says ${c}, your draft says ${d} (was ${b})` });
      const choice = resolutions[key];
      if (choice === 'canvas') kept.push(op);
      else if (choice === undefined) unresolved++;
    }
  }
  return { journey: applyOps(draft, kept), conflicts, unresolved };
}
