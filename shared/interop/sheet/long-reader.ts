// The long-format reader's state: what has been read so far, cell helpers that report problems
// with their row and column, and lookups that find (or create) personas, stages, steps, lanes and
// curves by id or name. The record handlers are in long-records.ts.
import type { Journey, LaneType } from '../../model/types';
import { stripScaleHint } from '../scale';
import { CONFIDENCE_LEVELS, CURVE_KINDS, LANE_TYPES } from '../../model/schema';
import type { Problem } from '../../result';
import { inferLaneType, readConfidence, readCurveKind, readLaneType, type CsvColumn } from '../csv-columns';
import { oneOf, parseNumberCell, isHugeNumber, quote } from '../escape';
import type { ReportNotes } from '../report';
import { parseDate as parseDateCell, type DateOrder } from '../dates';
import { nameKey } from '../ids';
import { Registry, type CurveE, type EvidenceE, type LaneE, type PersonaE, type RefList, type Row, type StageE, type StepE, type CardE, type LinkE, type ViewE } from './entities';

/** Problems reported at most; the rest are summarised in one more. */
export const MAX_PROBLEMS = 200;

/** A lane's type from its label: emotion when it names emotion (a scale may follow), else inferred. */
export function laneTypeOf(label: string): LaneType {
  return readLaneType(stripScaleHint(label)) === 'emotion' ? 'emotion' : inferLaneType(label);
}

export class LongReader {
  readonly problems: Problem[] = [];
  private truncated = 0;
  decimalComma = false;
  dateOrder: DateOrder | undefined;
  /** Scales named in emotion lane labels ("Emotion (1–10)"), with the row that named them. */
  scaleHints: Array<{ min: number; max: number; row: Row }> = [];

  constructor(readonly notes: ReportNotes) {}

  // journey-level
  journeyId?: string;
  title?: string;
  titleRow?: Row;
  description?: string;
  objective?: string;
  owner?: string;
  status?: Journey['status'];
  updated?: string;
  reviewBy?: string;
  tags: string[] = [];
  scaleMin?: number;
  scaleMax?: number;
  scaleLabels: Array<{ value: number; label: string }> = [];
  scaleGiven = false;

  personas = new Registry<PersonaE>((p) => p.name);
  stages = new Registry<StageE>((s) => s.name);
  steps = new Registry<StepE>((s) => s.name);
  lanes = new Registry<LaneE>((l) => l.label);
  evidence: EvidenceE[] = [];
  evidenceById = new Map<string, EvidenceE>();
  evidenceByUrl = new Map<string, EvidenceE>();
  cards: CardE[] = [];
  curves = new Registry<CurveE>((c) => c.name);
  links: LinkE[] = [];
  views: ViewE[] = [];

  problem(row: Row | undefined, column: CsvColumn | undefined, message: string): void {
    if (this.problems.length >= MAX_PROBLEMS) {
      this.truncated++;
      return;
    }
    const path = row ? (column ? `row ${row.n}, column "${column}"` : `row ${row.n}`) : column ? `column "${column}"` : '';
    const p: Problem = { path, message };
    if (row?.line !== undefined) p.line = row.line;
    if (column) p.column = column;
    this.problems.push(p);
  }

  finishProblems(): Problem[] {
    if (this.truncated) this.problems.push({ path: '', message: `and ${this.truncated} more problems not listed` });
    return this.problems;
  }

  // -- cell helpers -----------------------------------------------------------------------------

  raw(row: Row, c: CsvColumn): string {
    return row.cells.get(c) ?? '';
  }
  /** Trimmed cell text. */
  cell(row: Row, c: CsvColumn): string {
    return this.raw(row, c).trim();
  }
  /** Cell text, or undefined when blank (optional fields). Not trimmed: spaces inside text stay. */
  opt(row: Row, c: CsvColumn): string | undefined {
    const v = this.raw(row, c);
    return v.trim() === '' ? undefined : v;
  }
  num(row: Row, c: CsvColumn, opts: { integer?: boolean } = {}): number | undefined {
    const v = this.cell(row, c);
    if (v === '') return undefined;
    const n = parseNumberCell(v, this.decimalComma);
    if (n === undefined) {
      this.problem(row, c, isHugeNumber(v) ? `${quote(v)} is too large to be a number` : `${quote(v)} is not a number`);
      return undefined;
    }
    if (opts.integer && !Number.isInteger(n)) {
      this.problem(row, c, `${quote(v)} is not a whole number`);
      return undefined;
    }
    return n;
  }
  enumCell<T extends string>(row: Row, c: CsvColumn, read: (s: string) => T | undefined, allowed: readonly string[]): T | undefined {
    const v = this.cell(row, c);
    if (v === '') return undefined;
    const e = read(v);
    if (e === undefined) this.problem(row, c, `${quote(v)} is not one of ${oneOf(allowed)}`);
    return e;
  }
  /** A boolean cell: true/false, yes/no, 1/0, x. */
  bool(row: Row, c: CsvColumn, text: string): boolean | undefined {
    const v = text.trim().toLowerCase();
    if (['true', 'yes', 'y', '1', 'x', 'wahr', 'vrai', 'ja', 'oui'].includes(v)) return true;
    if (['false', 'no', 'n', '0', '', 'falsch', 'faux', 'nein', 'non'].includes(v)) return false;
    this.problem(row, c, `${quote(text)} is not true or false`);
    return undefined;
  }
  /** A date cell as ISO text, or undefined after reporting one problem for it. */
  date(row: Row, c: CsvColumn, text: string): string | undefined {
    if (text.trim() === '') return undefined;
    const d = parseDateCell(text, this.dateOrder);
    if ('iso' in d) return d.iso;
    this.problem(row, c, d.problem);
    return undefined;
  }
  idCell(row: Row): string | undefined {
    const v = this.cell(row, 'id');
    return v === '' ? undefined : v;
  }
  evidenceRefs(row: Row): RefList {
    const out: RefList = [];
    const cell = this.cell(row, 'evidence');
    if (cell) out.push({ raw: cell, row });
    const url = this.cell(row, 'evidence_url');
    if (url) {
      let ev = this.evidenceByUrl.get(url);
      if (!ev) {
        const confidence = this.enumCell(row, 'confidence', readConfidence, CONFIDENCE_LEVELS) ?? 'assumed';
        ev = { value: { kind: 'link', source: this.cell(row, 'source') || url, url, confidence }, row };
        this.evidence.push(ev);
        this.evidenceByUrl.set(url, ev);
      }
      out.push(ev);
    }
    return out;
  }

  // -- lookups with implicit creation -----------------------------------------------------------

  persona(row: Row, column: CsvColumn, create: boolean): PersonaE | undefined {
    const ref = this.cell(row, column);
    if (!ref) {
      if (this.personas.all.length === 1) return this.personas.all[0];
      this.problem(row, column, this.personas.all.length ? 'is empty; say which persona this is about' : 'is empty; name the persona');
      return undefined;
    }
    const found = this.personas.find(ref);
    if (found === 'ambiguous') {
      this.problem(row, column, `several personas are called ${quote(ref)}; use the persona's id`);
      return undefined;
    }
    if (found || !create) {
      if (!found) this.problem(row, column, `persona ${quote(ref)} does not exist`);
      return found;
    }
    const p: PersonaE = { name: ref, row, goals: [], frustrations: [], evidence: [] };
    this.personas.add(p);
    return p;
  }

  stage(row: Row, create: boolean): StageE | undefined {
    const ref = this.cell(row, 'stage');
    if (!ref) {
      this.problem(row, 'stage', 'is empty; name the stage');
      return undefined;
    }
    const found = this.stages.find(ref);
    if (found === 'ambiguous') {
      this.problem(row, 'stage', `several stages are called ${quote(ref)}; use the stage's id`);
      return undefined;
    }
    if (found) return found;
    if (!create) {
      this.problem(row, 'stage', `stage ${quote(ref)} does not exist`);
      return undefined;
    }
    const s: StageE = { name: ref, row, metrics: [], steps: [] };
    this.stages.add(s);
    return s;
  }

  /** The step a row is about: by `step` (id or name) within `stage`, created when allowed. */
  step(row: Row, create: boolean): StepE | undefined {
    const stepRef = this.cell(row, 'step');
    const stageRef = this.cell(row, 'stage');
    if (!stageRef) {
      if (!stepRef) {
        this.problem(row, 'step', 'is empty; name the stage and step');
        return undefined;
      }
      const found = this.steps.find(stepRef);
      if (found === 'ambiguous') this.problem(row, 'step', `several steps are called ${quote(stepRef)}; add the stage or use the step's id`);
      else if (!found) this.problem(row, 'stage', `is empty, and no step is called ${quote(stepRef)}; name the stage`);
      return found === 'ambiguous' ? undefined : found;
    }
    const stage = this.stage(row, create);
    if (!stage) return undefined;
    // A sheet without a step column (or a blank step) has one step per stage, named like the stage.
    const name = stepRef || stage.name;
    const found = this.steps.find(name, (t) => t.stage === stage);
    if (found === 'ambiguous') {
      this.problem(row, 'step', `stage ${quote(stage.name)} has several steps called ${quote(name)}; use the step's id`);
      return undefined;
    }
    if (found) {
      if (found.stage !== stage) {
        this.problem(row, 'step', `step ${quote(name)} is in stage ${quote(found.stage.name)}, not ${quote(stage.name)}`);
        return undefined;
      }
      return found;
    }
    if (!create) {
      this.problem(row, 'step', `stage ${quote(stage.name)} has no step ${quote(name)}`);
      return undefined;
    }
    const s: StepE = { name, stage, row };
    stage.steps.push(s);
    this.steps.add(s);
    return s;
  }

  lane(row: Row, create: boolean): LaneE | undefined {
    const ref = this.cell(row, 'lane');
    if (!ref) {
      this.problem(row, 'lane', 'is empty; name the lane the card goes in');
      return undefined;
    }
    const typeCell = this.cell(row, 'lane_type');
    const type = typeCell ? this.enumCell(row, 'lane_type', readLaneType, LANE_TYPES) : undefined;
    const found = this.lanes.find(ref);
    if (found === 'ambiguous') {
      this.problem(row, 'lane', `several lanes are called ${quote(ref)}; use the lane's id`);
      return undefined;
    }
    if (found) {
      if (type && type !== found.type) {
        if (found.typeGiven) this.problem(row, 'lane_type', `lane ${quote(found.label)} is of type "${found.type}" (row ${found.row.n}), not "${type}"`);
        else {
          found.type = type;
          found.typeGiven = true;
        }
      }
      return found;
    }
    if (!create) {
      this.problem(row, 'lane', `lane ${quote(ref)} does not exist`);
      return undefined;
    }
    const guessed = laneTypeOf(ref);
    const l: LaneE = { label: ref, type: type ?? guessed, typeGiven: type !== undefined, row };
    this.lanes.add(l);
    return l;
  }

  curve(row: Row, persona: PersonaE, create: boolean): CurveE | undefined {
    const ref = this.cell(row, 'curve') || 'As-is';
    const byId = this.curves.find(ref);
    if (byId && byId !== 'ambiguous' && byId.id === ref) {
      if (byId.persona !== persona) {
        this.problem(row, 'curve', `curve ${quote(ref)} belongs to persona ${quote(byId.persona.name)}, not ${quote(persona.name)}`);
        return undefined;
      }
      return byId;
    }
    const found = this.curves.find(ref, (c) => c.persona === persona);
    if (found === 'ambiguous') {
      this.problem(row, 'curve', `persona ${quote(persona.name)} has several curves called ${quote(ref)}; use the curve's id`);
      return undefined;
    }
    if (found) return found;
    if (!create) return undefined;
    const kind = this.enumCell(row, 'kind', readCurveKind, CURVE_KINDS) ?? readCurveKind(ref) ?? 'other';
    const c: CurveE = { name: ref, kind, persona, points: [], row };
    this.curves.add(c);
    return c;
  }

}
