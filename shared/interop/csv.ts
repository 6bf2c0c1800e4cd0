// CSV import and export in the Journey Mapper long format (one row per item; see CSV-FORMAT.md).
// Parsing is papaparse's; this file maps rows to the model, derives stable ids and reports every
// problem with its row and column. Pure: used by the UI, the sandbox and `npm run preview`.
import Papa from 'papaparse/papaparse.min.js';
import type { StepResult } from 'papaparse/papaparse.min.js';
import { err, type Problem, type Result } from '../result';
import { EmotionScaleSchema, LANE_TYPES } from '../model/schema';
import type {
  Card,
  Curve,
  EmotionScale,
  Evidence,
  Journey,
  Lane,
  LaneType,
  Link,
  Metric,
  Persona,
  Stage,
  Step,
} from '../model/types';
import { validateJourney } from '../model/validate';
import {
  CSV_COLUMNS,
  columnForHeader,
  inferLaneType,
  isCommentRecord,
  readChannel,
  readConfidence,
  readCurveKind,
  readEvidenceKind,
  readJourneyStatus,
  readLaneType,
  readLinkKind,
  readPhase,
  readPriority,
  readWorkStatus,
  recordKind,
  type CsvColumn,
  type RecordKind,
} from './csv-columns';
import { IdAllocator, nameKey, shortHash, slug } from './ids';
import { checkInputSize } from './size';

/** More data rows than any valid journey needs (cards + evidence + links + points, with room). */
export const MAX_CSV_ROWS = 50_000;
/** Problems reported at most; the rest are summarised in one more. */
export const MAX_PROBLEMS = 200;

// ---------------------------------------------------------------------------------------------
// Cell escaping (OWASP CSV injection): a text cell starting with = + - @ tab or CR is written with
// a leading single quote so a spreadsheet shows it as text instead of running it as a formula.
// Cells that already start with quotes followed by one of those get one more quote, so the reader
// can always remove exactly one and the round trip is exact.

const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

export function escapeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unescapeCell(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}

type CurveKind = Curve['kind'];
type CardFields = Pick<Card, 'text' | 'channel' | 'owner' | 'priority' | 'status' | 'effort' | 'value' | 'metric' | 'note'>;
type EvidenceFields = Pick<Evidence, 'kind' | 'source' | 'url' | 'confidence' | 'quote' | 'date'>;

// ---------------------------------------------------------------------------------------------
// Reading

type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

interface Row {
  /** Row number as a spreadsheet shows it (the header is row 1 when it is the first line). */
  n: number;
  /** 1-based line in the text where the row starts. */
  line: number;
  cells: Map<CsvColumn, string>;
}

function firstLine(text: string): string {
  const end = text.search(/\r\n|\n|\r/);
  return end < 0 ? text : text.slice(0, end);
}

/** Picks the delimiter that splits the header into the most known column names. */
export function detectDelimiter(text: string): Delimiter | undefined {
  const header = firstLine(text.replace(/^(?:[ \t]*(?:\r\n|\n|\r))+/, ''));
  let best: Delimiter | undefined;
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const names = header.split(d).map((c) => c.trim().replace(/^"|"$/g, ''));
    const score = new Set(names.map(columnForHeader).filter((c) => c !== undefined)).size;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** "1.5", "-2", "+1", "−1" (minus sign), and "1,5" when decimalComma is on. */
export function parseNumberCell(raw: string, decimalComma: boolean): number | undefined {
  let s = raw.trim().replace(/\u2212/g, '-').replace(/^\+/, '');
  if (decimalComma && /^-?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  if (!NUMBER.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? (n === 0 ? 0 : n) : undefined;
}

const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 59)}…` : s);
const oneOf = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

interface PersonaE {
  id?: string;
  name: string;
  row: Row;
  segment?: string;
  summary?: string;
  goals: string[];
  frustrations: string[];
  quote?: string;
  evidence: RefList;
}
interface StageE {
  id?: string;
  name: string;
  row: Row;
  phase?: Stage['phase'];
  customPhase?: string;
  description?: string;
  owner?: string;
  metrics: Metric[];
  steps: StepE[];
  finalId?: string;
}
interface StepE {
  id?: string;
  name: string;
  stage: StageE;
  row: Row;
  description?: string;
  finalId?: string;
}
interface LaneE {
  id?: string;
  label: string;
  type: LaneType;
  typeGiven: boolean;
  persona?: PersonaE;
  hidden?: boolean;
  row: Row;
  finalId?: string;
}
interface EvidenceE {
  id?: string;
  value: EvidenceFields;
  row: Row;
  finalId?: string;
}
interface CardE {
  id?: string;
  step: StepE;
  lane: LaneE;
  value: CardFields;
  evidence: RefList;
  row: Row;
  finalId?: string;
}
interface PointE {
  step: StepE;
  value: number;
  note?: string;
  row: Row;
}
interface CurveE {
  id?: string;
  persona: PersonaE;
  name: string;
  kind: CurveKind;
  points: PointE[];
  row: Row;
}
interface LinkE {
  id?: string;
  from: string;
  to: string;
  kind: Link['kind'];
  label?: string;
  row: Row;
}
/** Evidence references: explicit ids, or evidence entities created from an evidence_url cell. */
type RefList = Array<{ id: string; row: Row } | EvidenceE>;

/** Finds entities by explicit id first, then by name (case and spacing ignored). */
class Registry<T extends { id?: string }> {
  readonly all: T[] = [];
  private readonly byId = new Map<string, T>();
  private readonly byName = new Map<string, T[]>();
  constructor(private readonly nameOf: (t: T) => string) {}

  add(item: T): void {
    this.all.push(item);
    if (item.id !== undefined && !this.byId.has(item.id)) this.byId.set(item.id, item);
    const k = nameKey(this.nameOf(item));
    const list = this.byName.get(k);
    if (list) list.push(item);
    else this.byName.set(k, [item]);
  }

  /** The item, 'ambiguous' when several share the name, or undefined. `within` narrows by name. */
  find(ref: string, within?: (t: T) => boolean): T | 'ambiguous' | undefined {
    const r = ref.trim();
    const byId = this.byId.get(r);
    if (byId) return byId;
    const list = (this.byName.get(nameKey(r)) ?? []).filter((t) => !within || within(t));
    if (list.length > 1) return 'ambiguous';
    return list[0];
  }
}

class CsvReader {
  readonly problems: Problem[] = [];
  private truncated = 0;
  decimalComma = false;

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

  problem(row: Row | undefined, column: CsvColumn | undefined, message: string): void {
    if (this.problems.length >= MAX_PROBLEMS) {
      this.truncated++;
      return;
    }
    const path = row ? (column ? `row ${row.n}, column "${column}"` : `row ${row.n}`) : column ? `column "${column}"` : '';
    const p: Problem = { path, message };
    if (row) p.line = row.line;
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
      this.problem(row, c, `${quote(v)} is not a number`);
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
  idCell(row: Row): string | undefined {
    const v = this.cell(row, 'id');
    return v === '' ? undefined : v;
  }
  evidenceRefs(row: Row): RefList {
    const out: RefList = [];
    for (const id of this.cell(row, 'evidence').split(/[\s,;]+/)) if (id) out.push({ id, row });
    const url = this.cell(row, 'evidence_url');
    if (url) {
      let ev = this.evidenceByUrl.get(url);
      if (!ev) {
        const confidence = this.enumCell(row, 'confidence', readConfidence, CONFIDENCE) ?? 'assumed';
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
    const guessed = readLaneType(ref) === 'emotion' ? 'emotion' : inferLaneType(ref);
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
    const kind = this.enumCell(row, 'kind', readCurveKind, CURVE_KINDS_LIST) ?? readCurveKind(ref) ?? 'other';
    const c: CurveE = { name: ref, kind, persona, points: [], row };
    this.curves.add(c);
    return c;
  }

  // -- record handlers --------------------------------------------------------------------------

  journeyRow(row: Row): void {
    const field = this.cell(row, 'field');
    if (!field) {
      // A main row: text = title, owner, status, date = updated, note = description.
      const title = this.opt(row, 'text');
      if (title !== undefined) this.setTitle(row, title.trim());
      const owner = this.opt(row, 'owner');
      if (owner !== undefined) this.owner = owner;
      const status = this.enumCell(row, 'status', readJourneyStatus, JOURNEY_STATUS_LIST);
      if (status) this.status = status;
      const date = this.opt(row, 'date');
      if (date !== undefined) this.updated = date.trim();
      const note = this.opt(row, 'note');
      if (note !== undefined) this.description = note;
      return;
    }
    const value = this.opt(row, 'value') ?? this.opt(row, 'text');
    const key = field.toLowerCase().replace(/[^a-z]/g, '');
    switch (key) {
      case 'id':
        if (value !== undefined) this.journeyId = value.trim();
        return;
      case 'title':
      case 'name':
        if (value !== undefined) this.setTitle(row, value.trim());
        return;
      case 'description':
        this.description = value;
        return;
      case 'objective':
      case 'goal':
        this.objective = value;
        return;
      case 'owner':
        this.owner = value;
        return;
      case 'status': {
        if (value === undefined) return;
        const s = readJourneyStatus(value);
        if (!s) this.problem(row, 'value', `${quote(value)} is not one of ${oneOf(JOURNEY_STATUS_LIST)}`);
        else this.status = s;
        return;
      }
      case 'updated':
      case 'date':
        this.updated = value?.trim();
        return;
      case 'reviewby':
      case 'review':
        this.reviewBy = value?.trim();
        return;
      case 'tag':
      case 'tags':
        if (value !== undefined) this.tags.push(value);
        return;
      default:
        this.problem(
          row,
          'field',
          `${quote(field)} is not a journey field; use one of "id", "title", "description", "objective", "owner", "status", "updated", "review_by", "tag"`,
        );
    }
  }

  private setTitle(row: Row, title: string): void {
    if (this.title !== undefined && this.titleRow && this.title !== title)
      this.problem(row, undefined, `gives a second journey title; the title is already ${quote(this.title)} (row ${this.titleRow.n})`);
    this.title = title;
    this.titleRow = row;
  }

  scaleRow(row: Row): void {
    this.scaleGiven = true;
    const field = this.cell(row, 'field').toLowerCase();
    if (field === 'min' || field === 'max') {
      const n = this.num(row, 'value', { integer: true });
      if (n === undefined) {
        if (!this.cell(row, 'value')) this.problem(row, 'value', `is empty; give the scale's ${field}imum`);
        return;
      }
      if (field === 'min') this.scaleMin = n;
      else this.scaleMax = n;
      return;
    }
    if (field !== '' && field !== 'label') {
      this.problem(row, 'field', `${quote(field)} is not a scale field; use "min", "max" or "label"`);
      return;
    }
    const n = this.num(row, 'value');
    if (n === undefined) {
      if (!this.cell(row, 'value')) this.problem(row, 'value', 'is empty; a scale label needs the value it names');
      return;
    }
    this.scaleLabels.push({ value: n, label: this.raw(row, 'text') });
  }

  personaRow(row: Row): void {
    const name = (this.cell(row, 'persona') || this.cell(row, 'text')).trim();
    if (!name) {
      this.problem(row, 'persona', 'is empty; name the persona');
      return;
    }
    const p: PersonaE = { id: this.idCell(row), name, row, goals: [], frustrations: [], evidence: this.evidenceRefs(row) };
    if (this.cell(row, 'persona')) p.summary = this.opt(row, 'text');
    this.personas.add(p);
  }

  personaField(row: Row, field: string): void {
    const p = this.persona(row, 'persona', false);
    if (!p) return;
    const value = this.opt(row, 'value') ?? this.opt(row, 'text');
    switch (field.toLowerCase().replace(/[^a-z]/g, '')) {
      case 'segment':
        p.segment = value;
        return;
      case 'summary':
        p.summary = value;
        return;
      case 'goal':
      case 'goals':
        if (value !== undefined) p.goals.push(value);
        return;
      case 'frustration':
      case 'frustrations':
        if (value !== undefined) p.frustrations.push(value);
        return;
      case 'quote':
        p.quote = value;
        return;
      case 'evidence':
        if (value !== undefined) for (const id of value.split(/[\s,;]+/)) if (id) p.evidence.push({ id, row });
        return;
      default:
        this.problem(row, 'field', `${quote(field)} is not a persona field; use one of "segment", "summary", "goal", "frustration", "quote", "evidence"`);
    }
  }

  stageRow(row: Row): void {
    const name = this.cell(row, 'stage');
    if (!name) {
      this.problem(row, 'stage', 'is empty; name the stage');
      return;
    }
    const s: StageE = { id: this.idCell(row), name, row, metrics: [], steps: [] };
    this.readPhaseCell(row, s);
    s.description = this.opt(row, 'text');
    s.owner = this.opt(row, 'owner');
    this.stages.add(s);
  }

  private readPhaseCell(row: Row, s: StageE): void {
    const v = this.cell(row, 'phase');
    if (!v) return;
    const phase = readPhase(v);
    if (phase) s.phase = phase;
    else {
      // A phase of one's own ("Onboarding") is a custom phase.
      s.phase = 'custom';
      s.customPhase = v;
    }
  }

  stageField(row: Row, field: string): void {
    const s = this.stage(row, false);
    if (!s) return;
    const value = this.opt(row, 'value') ?? this.opt(row, 'text');
    switch (field.toLowerCase().replace(/[^a-z]/g, '')) {
      case 'customphase':
        s.customPhase = value;
        return;
      case 'description':
        s.description = value;
        return;
      case 'owner':
        s.owner = value;
        return;
      default:
        this.problem(row, 'field', `${quote(field)} is not a stage field; use "custom_phase", "description" or "owner"`);
    }
  }

  metricRow(row: Row): void {
    const s = this.stage(row, true);
    if (!s) return;
    const m: Metric = { name: this.raw(row, 'text') };
    const id = this.idCell(row);
    if (id !== undefined) m.id = id;
    const value = this.num(row, 'value');
    if (value !== undefined) m.value = value;
    const target = this.num(row, 'target');
    if (target !== undefined) m.target = target;
    const unit = this.opt(row, 'unit');
    if (unit !== undefined) m.unit = unit;
    s.metrics.push(m);
  }

  stepRow(row: Row): void {
    if (!this.cell(row, 'step')) {
      this.problem(row, 'step', 'is empty; name the step');
      return;
    }
    const stage = this.stage(row, true);
    if (!stage) return;
    const s: StepE = { id: this.idCell(row), name: this.cell(row, 'step'), stage, row, description: this.opt(row, 'text') };
    stage.steps.push(s);
    this.steps.add(s);
  }

  laneRow(row: Row): void {
    const label = this.cell(row, 'lane');
    if (!label) {
      this.problem(row, 'lane', 'is empty; name the lane');
      return;
    }
    const typeCell = this.cell(row, 'lane_type');
    const type = typeCell ? this.enumCell(row, 'lane_type', readLaneType, LANE_TYPES) : undefined;
    const l: LaneE = {
      id: this.idCell(row),
      label,
      type: type ?? (readLaneType(label) === 'emotion' ? 'emotion' : inferLaneType(label)),
      typeGiven: type !== undefined,
      row,
    };
    if (this.cell(row, 'persona')) l.persona = this.persona(row, 'persona', true);
    this.lanes.add(l);
  }

  laneField(row: Row, field: string): void {
    const l = this.lane(row, false);
    if (!l) return;
    const key = field.toLowerCase().replace(/[^a-z]/g, '');
    if (key === 'hidden') {
      const b = this.bool(row, 'value', this.raw(row, 'value'));
      if (b !== undefined) l.hidden = b;
    } else this.problem(row, 'field', `${quote(field)} is not a lane field; use "hidden"`);
  }

  evidenceRow(row: Row): void {
    const url = this.opt(row, 'evidence_url')?.trim();
    const quoteText = this.opt(row, 'text');
    const kind = this.enumCell(row, 'kind', readEvidenceKind, EVIDENCE_KIND_LIST) ?? (url ? 'link' : 'quote');
    const confidence = this.enumCell(row, 'confidence', readConfidence, CONFIDENCE) ?? 'assumed';
    const value: EvidenceFields = { kind, source: this.raw(row, 'source') || url || '', confidence };
    if (url !== undefined) value.url = url;
    if (quoteText !== undefined) value.quote = quoteText;
    const date = this.opt(row, 'date');
    if (date !== undefined) value.date = date.trim();
    const e: EvidenceE = { id: this.idCell(row), value, row };
    this.evidence.push(e);
    if (e.id !== undefined && !this.evidenceById.has(e.id)) this.evidenceById.set(e.id, e);
    if (url !== undefined && !this.evidenceByUrl.has(url)) this.evidenceByUrl.set(url, e);
  }

  cardRow(row: Row): void {
    const hasLane = this.cell(row, 'lane') !== '';
    const hasText = this.raw(row, 'text').trim() !== '';
    const step = this.step(row, true);
    if (!step) return;
    // A row with a stage and step but no lane and no text only adds the step (keeps empty steps).
    if (!hasLane && !hasText) return;
    const lane = this.lane(row, true);
    if (!lane) return;
    if (lane.type === 'emotion') {
      this.emotionInLane(row, step, lane);
      return;
    }
    const value: CardE['value'] = { text: this.raw(row, 'text') };
    const channel = this.enumCell(row, 'channel', readChannel, CHANNEL_LIST);
    if (channel) value.channel = channel;
    const owner = this.opt(row, 'owner');
    if (owner !== undefined) value.owner = owner;
    const priority = this.enumCell(row, 'priority', readPriority, PRIORITY_LIST);
    if (priority) value.priority = priority;
    const status = this.enumCell(row, 'status', readWorkStatus, WORK_STATUS_LIST);
    if (status) value.status = status;
    const effort = this.num(row, 'effort', { integer: true });
    if (effort !== undefined) value.effort = effort;
    const impact = this.num(row, 'impact', { integer: true });
    if (impact !== undefined) value.value = impact;
    const metricValue = this.num(row, 'value');
    const target = this.num(row, 'target');
    const unit = this.opt(row, 'unit');
    if (metricValue !== undefined) {
      const metric: NonNullable<Card['metric']> = { value: metricValue };
      if (target !== undefined) metric.target = target;
      if (unit !== undefined) metric.unit = unit;
      value.metric = metric;
    } else if (target !== undefined || unit !== undefined) {
      this.problem(row, 'value', 'is empty, but the card has a target or unit; give the measured value');
    }
    const note = this.opt(row, 'note');
    if (note !== undefined) value.note = note;
    this.cards.push({ id: this.idCell(row), step, lane, value, evidence: this.evidenceRefs(row), row });
  }

  /** A card row in an emotion lane: its text is the persona's as-is value at that step. */
  private emotionInLane(row: Row, step: StepE, lane: LaneE): void {
    const text = this.cell(row, 'text') || this.cell(row, 'value');
    const n = parseNumberCell(text, this.decimalComma);
    if (n === undefined) {
      this.problem(row, 'text', `lane ${quote(lane.label)} is an emotion lane, so its cells must be numbers on the emotion scale; ${quote(text)} is not a number`);
      return;
    }
    let persona: PersonaE | undefined = lane.persona;
    if (!persona && this.cell(row, 'persona')) persona = this.persona(row, 'persona', true);
    if (!persona && this.personas.all.length === 1) persona = this.personas.all[0];
    if (!persona) {
      if (this.personas.all.length > 1) {
        this.problem(row, 'persona', 'is empty; with several personas, say whose emotion this is');
        return;
      }
      persona = { name: 'Customer', row, goals: [], frustrations: [], evidence: [] };
      this.personas.add(persona);
    }
    const curve = this.curve(row, persona, true);
    if (!curve) return;
    const point: PointE = { step, value: n, row };
    const note = this.opt(row, 'note');
    if (note !== undefined) point.note = note;
    curve.points.push(point);
  }

  curveRow(row: Row): void {
    const persona = this.persona(row, 'persona', true);
    if (!persona) return;
    const name = this.cell(row, 'curve') || 'As-is';
    const kind = this.enumCell(row, 'kind', readCurveKind, CURVE_KINDS_LIST) ?? readCurveKind(name) ?? 'other';
    this.curves.add({ id: this.idCell(row), persona, name, kind, points: [], row });
  }

  emotionRow(row: Row): void {
    const persona = this.persona(row, 'persona', true);
    const step = this.step(row, true);
    const value = this.num(row, 'value');
    if (value === undefined && !this.cell(row, 'value')) this.problem(row, 'value', 'is empty; give the emotion value');
    if (!persona || !step || value === undefined) return;
    const curve = this.curve(row, persona, true);
    if (!curve) return;
    const point: PointE = { step, value, row };
    const note = this.opt(row, 'note');
    if (note !== undefined) point.note = note;
    curve.points.push(point);
  }

  linkRow(row: Row): void {
    const from = this.cell(row, 'from');
    const to = this.cell(row, 'to');
    if (!from) this.problem(row, 'from', 'is empty; give the step or card the link starts at');
    if (!to) this.problem(row, 'to', 'is empty; give the step or card the link ends at');
    if (!from || !to) return;
    const kind = this.enumCell(row, 'kind', readLinkKind, LINK_KIND_LIST) ?? 'flow';
    const l: LinkE = { id: this.idCell(row), from, to, kind, row };
    const label = this.opt(row, 'text');
    if (label !== undefined) l.label = label;
    this.links.push(l);
  }
}

const CONFIDENCE = ['observed', 'reported', 'inferred', 'assumed'] as const;
const CURVE_KINDS_LIST = ['as-is', 'to-be', 'other'] as const;
const JOURNEY_STATUS_LIST = ['draft', 'in-research', 'validated', 'live', 'archived'] as const;
const EVIDENCE_KIND_LIST = ['quote', 'interview', 'survey', 'analytics', 'ticket', 'link'] as const;
const CHANNEL_LIST = ['web', 'mobile-app', 'email', 'store', 'phone', 'chat', 'social', 'other'] as const;
const PRIORITY_LIST = ['low', 'medium', 'high', 'critical'] as const;
const WORK_STATUS_LIST = ['open', 'planned', 'in-progress', 'done', 'wont-do'] as const;
const LINK_KIND_LIST = ['flow', 'branch', 'loop'] as const;

/** Order in which record kinds are read, so a row may refer to one further down the sheet. */
const PASS: Record<RecordKind, number> = {
  journey: 0,
  scale: 0,
  persona: 0,
  stage: 0,
  evidence: 0,
  step: 1,
  lane: 1,
  curve: 1,
  metric: 2,
  card: 2,
  emotion: 2,
  link: 2,
};

interface ParsedSheet {
  rows: Row[];
  /** Columns found, in header order. */
  columns: CsvColumn[];
  delimiter: Delimiter;
}

function parseSheet(text: string, reader: CsvReader): ParsedSheet | undefined {
  const delimiter = detectDelimiter(text);
  if (!delimiter) {
    reader.problem(undefined, undefined, `does not start with a row of column names; the first row should name columns such as ${CSV_COLUMNS.slice(0, 7).join(', ')}, text`);
    return undefined;
  }
  const raw: Array<{ cells: string[]; line: number }> = [];
  let line = 1;
  let pos = 0;
  let tooMany = false;
  const errors: Array<{ row: number; line: number; message: string }> = [];
  Papa.parse(text, {
    delimiter,
    step: (res: StepResult, parser) => {
      if (raw.length >= MAX_CSV_ROWS + 1) {
        tooMany = true;
        parser.abort();
        return;
      }
      raw.push({ cells: res.data, line });
      for (const e of res.errors) errors.push({ row: raw.length, line, message: e.message });
      const cursor = res.meta.cursor;
      for (let i = pos; i < cursor && i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      }
      pos = cursor;
    },
  });
  if (tooMany) {
    reader.problem(undefined, undefined, `has more than ${MAX_CSV_ROWS} rows; no journey needs that many (split it up)`);
    return undefined;
  }
  for (const e of errors) {
    const msg = /quote/i.test(e.message)
      ? 'has a quote mark (") that is not closed or is misplaced; a cell with quotes must be wrapped in quotes and each inner quote doubled ("")'
      : e.message;
    reader.problem({ n: e.row, line: e.line, cells: new Map() }, undefined, msg);
  }
  if (errors.length) return undefined;

  const headerIndex = raw.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerIndex < 0) {
    reader.problem(undefined, undefined, 'is empty');
    return undefined;
  }
  const header = raw[headerIndex]!;
  const columns: Array<CsvColumn | undefined> = [];
  const seen = new Map<CsvColumn, number>();
  header.cells.forEach((h, i) => {
    const col = columnForHeader(unescapeCell(h));
    if (col && seen.has(col)) {
      reader.problem({ n: headerIndex + 1, line: header.line, cells: new Map() }, col, `appears twice (columns ${seen.get(col)! + 1} and ${i + 1}); keep one`);
      columns.push(undefined);
      return;
    }
    if (col) seen.set(col, i);
    columns.push(col);
  });
  const rows: Row[] = [];
  for (let i = headerIndex + 1; i < raw.length; i++) {
    const r = raw[i]!;
    if (r.cells.every((c) => c.trim() === '')) continue;
    const cells = new Map<CsvColumn, string>();
    r.cells.forEach((c, k) => {
      const col = columns[k];
      if (col) cells.set(col, unescapeCell(c));
    });
    rows.push({ n: i + 1, line: r.line, cells });
  }
  return { rows, columns: columns.filter((c): c is CsvColumn => c !== undefined), delimiter };
}

/**
 * Reads a CSV sheet in the Journey Mapper format (full, with a `record` column, or simple: card
 * rows with stage, step, lane, text). Returns a validated journey or every problem found, each
 * located by row and column. Never throws.
 */
export function importCsv(text: string, options: CsvImportOptions = {}): Result<Journey, Problem[]> {
  try {
    return importCsvUnsafe(text, options);
  } catch (e) {
    return err([{ path: '', message: `could not be read as CSV: ${(e as Error)?.message ?? String(e)}` }]);
  }
}

export interface CsvImportOptions {
  /** Title when the sheet has none (e.g. the file name). Default "Untitled journey". */
  fallbackTitle?: string;
}

function importCsvUnsafe(input: string, options: CsvImportOptions): Result<Journey, Problem[]> {
  const tooBig = checkInputSize(input);
  if (tooBig) return err([tooBig]);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const r = new CsvReader();
  const sheet = parseSheet(text, r);
  if (!sheet) return err(r.finishProblems());
  r.decimalComma = sheet.delimiter !== ',';
  const hasRecord = sheet.columns.includes('record');
  if (!hasRecord && !sheet.columns.includes('text') && !sheet.columns.includes('lane')) {
    r.problem(undefined, undefined, 'has neither a "record" column nor "stage", "step", "lane" and "text" columns; see the CSV format description');
    return err(r.finishProblems());
  }

  const kinds = new Map<Row, RecordKind>();
  for (const row of sheet.rows) {
    const rec = hasRecord ? row.cells.get('record') ?? '' : '';
    if (isCommentRecord(rec)) continue;
    const kind = recordKind(rec);
    if (!kind) {
      r.problem(row, 'record', `${quote(rec.trim())} is not a record type; use one of ${oneOf(['journey', 'scale', 'persona', 'stage', 'step', 'lane', 'card', 'curve', 'emotion', 'link', 'evidence', 'metric'])}`);
      continue;
    }
    kinds.set(row, kind);
  }

  for (const pass of [0, 1, 2]) {
    for (const [row, kind] of kinds) {
      const field = r.cell(row, 'field');
      const isField = field !== '' && kind !== 'journey' && kind !== 'scale';
      if ((isField ? 2 : PASS[kind]) !== pass) continue;
      if (isField) {
        if (kind === 'persona') r.personaField(row, field);
        else if (kind === 'stage') r.stageField(row, field);
        else if (kind === 'lane') r.laneField(row, field);
        else r.problem(row, 'field', `${kind} rows have no fields; leave "field" empty`);
        continue;
      }
      switch (kind) {
        case 'journey':
          r.journeyRow(row);
          break;
        case 'scale':
          r.scaleRow(row);
          break;
        case 'persona':
          r.personaRow(row);
          break;
        case 'stage':
          r.stageRow(row);
          break;
        case 'evidence':
          r.evidenceRow(row);
          break;
        case 'step':
          r.stepRow(row);
          break;
        case 'lane':
          r.laneRow(row);
          break;
        case 'curve':
          r.curveRow(row);
          break;
        case 'metric':
          r.metricRow(row);
          break;
        case 'card':
          r.cardRow(row);
          break;
        case 'emotion':
          r.emotionRow(row);
          break;
        case 'link':
          r.linkRow(row);
          break;
      }
    }
  }
  if (r.problems.length) return err(r.finishProblems());
  if (r.stages.all.length === 0) {
    r.problem(undefined, undefined, 'has no stages: add stage rows, or card rows with stage, step, lane and text');
    return err(r.finishProblems());
  }
  return assemble(r, options.fallbackTitle);
}

/** Gives every entity its id (explicit, else derived), builds the journey and validates it. */
function assemble(r: CsvReader, fallbackTitle: string | undefined): Result<Journey, Problem[]> {
  const ids = new IdAllocator();
  const claim = (id: string | undefined, row: Row) => {
    if (id === undefined) return;
    if (!ids.reserve(id)) r.problem(row, 'id', `id ${quote(id)} is used by another row; ids must be unique`);
  };
  if (r.journeyId !== undefined) ids.reserve(r.journeyId);
  r.personas.all.forEach((p) => claim(p.id, p.row));
  r.stages.all.forEach((s) => {
    claim(s.id, s.row);
    s.steps.forEach((st) => claim(st.id, st.row));
  });
  r.lanes.all.forEach((l) => claim(l.id, l.row));
  r.evidence.forEach((e) => claim(e.id, e.row));
  r.cards.forEach((c) => claim(c.id, c.row));
  r.curves.all.forEach((c) => claim(c.id, c.row));
  r.links.forEach((l) => claim(l.id, l.row));
  r.stages.all.forEach((s) => s.metrics.forEach((m) => m.id !== undefined && claim(m.id, s.row)));
  if (r.problems.length) return err(r.finishProblems());

  const title = r.title || fallbackTitle?.trim() || 'Untitled journey';
  const journeyId = r.journeyId ?? ids.derive(`journey-${slug(title)}`);
  const personaIds = new Map<PersonaE, string>();
  for (const p of r.personas.all) personaIds.set(p, p.id ?? ids.derive(`persona-${slug(p.name)}`));
  for (const s of r.stages.all) {
    s.finalId = s.id ?? ids.derive(`stage-${slug(s.name)}`);
    for (const st of s.steps) st.finalId = st.id ?? ids.derive(`step-${slug(s.name)}.${slug(st.name)}`);
  }
  for (const l of r.lanes.all) l.finalId = l.id ?? ids.derive(`lane-${slug(l.label)}`);
  for (const e of r.evidence)
    e.finalId = e.id ?? ids.derive(`evidence-${shortHash(`${e.value.url ?? ''}\n${e.value.source}\n${e.value.quote ?? ''}`)}`);
  for (const c of r.cards) c.finalId = c.id ?? ids.derive(`card-${shortHash(`${c.step.finalId}\n${c.lane.finalId}\n${c.value.text}`)}`);
  const curveIds = new Map<CurveE, string>();
  for (const c of r.curves.all) curveIds.set(c, c.id ?? ids.derive(`curve-${slug(c.persona.name, 20)}-${slug(c.name, 20)}`));

  const refs = (list: RefList): string[] => {
    const out: string[] = [];
    for (const ref of list) {
      if ('value' in ref) out.push(ref.finalId!);
      else {
        const e = r.evidenceById.get(ref.id);
        if (!e) r.problem(ref.row, 'evidence', `evidence ${quote(ref.id)} is not in the sheet; add an evidence row with that id`);
        else out.push(e.finalId!);
      }
    }
    return out;
  };

  // Link ends: a step or card id (explicit or derived), else a step name that names one step.
  const endpoints = new Map<string, string>();
  for (const s of r.stages.all) for (const st of s.steps) endpoints.set(st.finalId!, st.finalId!);
  for (const c of r.cards) endpoints.set(c.finalId!, c.finalId!);
  const linkEnd = (row: Row, column: 'from' | 'to', ref: string): string | undefined => {
    const direct = endpoints.get(ref);
    if (direct) return direct;
    const byName = r.steps.find(ref);
    if (byName && byName !== 'ambiguous') return byName.finalId;
    r.problem(row, column, byName === 'ambiguous' ? `several steps are called ${quote(ref)}; use the step's id` : `${quote(ref)} is not the id of a step or card, nor the name of a step`);
    return undefined;
  };

  const personas: Persona[] = r.personas.all.map((p) => {
    const out: Persona = { id: personaIds.get(p)!, name: p.name, goals: p.goals, frustrations: p.frustrations, evidence: refs(p.evidence) };
    if (p.segment !== undefined) out.segment = p.segment;
    if (p.summary !== undefined) out.summary = p.summary;
    if (p.quote !== undefined) out.quote = p.quote;
    return out;
  });
  const stages: Stage[] = r.stages.all.map((s) => {
    const out: Stage = {
      id: s.finalId!,
      name: s.name,
      metrics: s.metrics,
      steps: s.steps.map((st) => {
        const step: Step = { id: st.finalId!, name: st.name };
        if (st.description !== undefined) step.description = st.description;
        return step;
      }),
    };
    if (s.phase !== undefined) out.phase = s.phase;
    if (s.customPhase !== undefined) out.customPhase = s.customPhase;
    if (s.description !== undefined) out.description = s.description;
    if (s.owner !== undefined) out.owner = s.owner;
    if (out.steps.length === 0) r.problem(s.row, 'stage', `stage ${quote(s.name)} has no steps; add a step row or a card row for it`);
    return out;
  });
  const lanes: Lane[] = r.lanes.all.map((l) => {
    const out: Lane = { id: l.finalId!, type: l.type, label: l.label };
    if (l.persona) out.personaId = personaIds.get(l.persona)!;
    if (l.hidden !== undefined) out.hidden = l.hidden;
    return out;
  });
  const cards: Card[] = r.cards.map((c) => ({ id: c.finalId!, laneId: c.lane.finalId!, stepId: c.step.finalId!, ...c.value, evidence: refs(c.evidence) }));
  const curves: Curve[] = r.curves.all.map((c) => ({
    id: curveIds.get(c)!,
    personaId: personaIds.get(c.persona)!,
    name: c.name,
    kind: c.kind,
    points: c.points.map((p) => (p.note !== undefined ? { stepId: p.step.finalId!, value: p.value, note: p.note } : { stepId: p.step.finalId!, value: p.value })),
  }));
  const links: Link[] = [];
  for (const l of r.links) {
    const from = linkEnd(l.row, 'from', l.from);
    const to = linkEnd(l.row, 'to', l.to);
    if (from === undefined || to === undefined) continue;
    const out: Link = { id: l.id ?? ids.derive(`link-${shortHash(`${from}\n${to}\n${l.kind}`)}`), from, to, kind: l.kind };
    if (l.label !== undefined) out.label = l.label;
    links.push(out);
  }
  const evidence: Evidence[] = r.evidence.map((e) => ({ id: e.finalId!, ...e.value }));
  if (r.problems.length) return err(r.finishProblems());

  const journey: Record<string, unknown> = {
    id: journeyId,
    title,
    status: r.status ?? 'draft',
    tags: r.tags,
    personas,
    stages,
    lanes,
    cards,
    curves,
    links,
    evidence,
  };
  if (r.description !== undefined) journey.description = r.description;
  if (r.objective !== undefined) journey.objective = r.objective;
  if (r.owner !== undefined) journey.owner = r.owner;
  if (r.updated !== undefined) journey.updated = r.updated;
  if (r.reviewBy !== undefined) journey.reviewBy = r.reviewBy;
  if (r.scaleGiven) {
    const values = r.scaleLabels.map((l) => l.value);
    const fallback = EmotionScaleSchema.parse(undefined) as EmotionScale;
    journey.emotionScale = {
      min: r.scaleMin ?? (values.length ? Math.min(...values) : fallback.min),
      max: r.scaleMax ?? (values.length ? Math.max(...values) : fallback.max),
      labels: r.scaleLabels,
    };
  }

  const valid = validateJourney(journey);
  if (valid.ok) return valid;
  return err(valid.error.map((p) => locate(p, r)));
}

/** Adds the sheet row to a validation problem, e.g. `cards[3].laneId` → `row 12 (cards[3].laneId)`. */
function locate(p: Problem, r: CsvReader): Problem {
  const m = /^(personas|lanes|cards|curves|links|evidence|stages)\[(\d+)\](?:\.(steps|points)\[(\d+)\])?/.exec(p.path);
  if (!m) return p;
  const i = Number(m[2]);
  const k = m[4] === undefined ? undefined : Number(m[4]);
  let row: Row | undefined;
  switch (m[1]) {
    case 'personas':
      row = r.personas.all[i]?.row;
      break;
    case 'lanes':
      row = r.lanes.all[i]?.row;
      break;
    case 'cards':
      row = r.cards[i]?.row;
      break;
    case 'curves': {
      const c = r.curves.all[i];
      row = k !== undefined ? (c?.points[k]?.row ?? c?.row) : c?.row;
      break;
    }
    case 'links':
      row = r.links[i]?.row;
      break;
    case 'evidence':
      row = r.evidence[i]?.row;
      break;
    case 'stages': {
      const s = r.stages.all[i];
      row = k !== undefined && m[3] === 'steps' ? (s?.steps[k]?.row ?? s?.row) : s?.row;
      break;
    }
  }
  if (!row) return p;
  return { ...p, path: `row ${row.n} (${p.path})`, line: row.line };
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface CsvExportOptions {
  /** "," (default), ";" for European Excel, or "\t". */
  delimiter?: Delimiter;
  /** Write numbers with a decimal comma ("1,5"). Default: on when the delimiter is ";". */
  decimalComma?: boolean;
  /** Start with a UTF-8 byte order mark so Excel reads accents right. Default true. */
  bom?: boolean;
}

/** Chooses how rows refer to an entity: its name when that is unambiguous, else its id. */
function refPolicy<T>(items: readonly T[], idOf: (t: T) => string, nameOf: (t: T) => string, scopeOf: (t: T) => unknown = () => null) {
  const ids = new Set(items.map(idOf));
  const counts = new Map<string, number>();
  for (const t of items) {
    const k = `${String(scopeOf(t) ?? '')}\u0000${nameKey(nameOf(t))}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return (t: T): string => {
    const name = nameOf(t);
    const k = `${String(scopeOf(t) ?? '')}\u0000${nameKey(name)}`;
    const usable = name.trim() === name && name !== '' && counts.get(k) === 1 && !ids.has(name.trim());
    return usable ? name : idOf(t);
  };
}

/**
 * Writes a journey as CSV in the full long format. `importCsv(exportCsv(j))` gives `j` back for
 * every valid journey whose optional text fields are absent rather than blank (a blank cell reads
 * as "absent") and that carries no fields beyond the model's.
 */
export function exportCsv(journey: Journey, options: CsvExportOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const decimalComma = options.decimalComma ?? delimiter === ';';
  const num = (n: number | undefined) => (n === undefined ? '' : decimalComma ? String(n).replace('.', ',') : String(n));
  const rows: string[][] = [CSV_COLUMNS.slice()];
  const add = (record: string, cells: Partial<Record<CsvColumn, string | number | undefined>>) => {
    rows.push(
      CSV_COLUMNS.map((c) => {
        if (c === 'record') return record;
        const v = cells[c];
        if (v === undefined) return '';
        return typeof v === 'number' ? num(v) : escapeCell(v);
      }),
    );
  };
  const j = journey;

  add('journey', { field: 'id', value: j.id });
  add('journey', { field: 'title', value: j.title });
  if (j.description !== undefined) add('journey', { field: 'description', value: j.description });
  if (j.objective !== undefined) add('journey', { field: 'objective', value: j.objective });
  if (j.owner !== undefined) add('journey', { field: 'owner', value: j.owner });
  add('journey', { field: 'status', value: j.status });
  if (j.updated !== undefined) add('journey', { field: 'updated', value: j.updated });
  if (j.reviewBy !== undefined) add('journey', { field: 'review_by', value: j.reviewBy });
  for (const t of j.tags) add('journey', { field: 'tag', value: t });

  add('scale', { field: 'min', value: j.emotionScale.min });
  add('scale', { field: 'max', value: j.emotionScale.max });
  for (const l of j.emotionScale.labels) add('scale', { field: 'label', value: l.value, text: l.label });

  const personaRef = refPolicy(j.personas, (p) => p.id, (p) => p.name);
  const personaById = new Map(j.personas.map((p) => [p.id, p]));
  const pRef = (id: string) => {
    const p = personaById.get(id);
    return p ? personaRef(p) : id;
  };
  for (const p of j.personas) {
    add('persona', { id: p.id, persona: p.name, text: p.summary, evidence: p.evidence.length ? p.evidence.join(' ') : undefined });
    const ref = personaRef(p);
    if (p.segment !== undefined) add('persona', { persona: ref, field: 'segment', value: p.segment });
    for (const g of p.goals) add('persona', { persona: ref, field: 'goal', value: g });
    for (const f of p.frustrations) add('persona', { persona: ref, field: 'frustration', value: f });
    if (p.quote !== undefined) add('persona', { persona: ref, field: 'quote', value: p.quote });
  }

  const stageRef = refPolicy(j.stages, (s) => s.id, (s) => s.name);
  const allSteps = j.stages.flatMap((s) => s.steps.map((st) => ({ st, s })));
  const stepRefOf = refPolicy(allSteps, (x) => x.st.id, (x) => x.st.name, (x) => x.s.id);
  const stepById = new Map(allSteps.map((x) => [x.st.id, x]));
  const stepCells = (stepId: string) => {
    const x = stepById.get(stepId);
    return x ? { stage: stageRef(x.s), step: stepRefOf(x) } : { step: stepId };
  };
  for (const s of j.stages) {
    add('stage', { id: s.id, stage: s.name, phase: s.phase, text: s.description, owner: s.owner });
    if (s.customPhase !== undefined) add('stage', { stage: stageRef(s), field: 'custom_phase', value: s.customPhase });
    for (const m of s.metrics) add('metric', { id: m.id, stage: stageRef(s), text: m.name, value: m.value, target: m.target, unit: m.unit });
  }
  for (const x of allSteps) add('step', { id: x.st.id, stage: stageRef(x.s), step: x.st.name, text: x.st.description });

  const laneRef = refPolicy(j.lanes, (l) => l.id, (l) => l.label);
  const laneById = new Map(j.lanes.map((l) => [l.id, l]));
  for (const l of j.lanes) {
    add('lane', { id: l.id, lane: l.label, lane_type: l.type, persona: l.personaId !== undefined ? pRef(l.personaId) : undefined });
    if (l.hidden !== undefined) add('lane', { lane: laneRef(l), field: 'hidden', value: String(l.hidden) });
  }

  for (const e of j.evidence)
    add('evidence', { id: e.id, kind: e.kind, source: e.source, evidence_url: e.url, confidence: e.confidence, text: e.quote, date: e.date });

  for (const c of j.cards) {
    const lane = laneById.get(c.laneId);
    add('card', {
      id: c.id,
      ...stepCells(c.stepId),
      lane: lane ? laneRef(lane) : c.laneId,
      text: c.text,
      owner: c.owner,
      priority: c.priority,
      status: c.status,
      channel: c.channel,
      effort: c.effort,
      impact: c.value,
      value: c.metric?.value,
      target: c.metric?.target,
      unit: c.metric?.unit,
      evidence: c.evidence.length ? c.evidence.join(' ') : undefined,
      note: c.note,
    });
  }

  const curveRef = refPolicy(j.curves, (c) => c.id, (c) => c.name, (c) => c.personaId);
  for (const c of j.curves) add('curve', { id: c.id, persona: pRef(c.personaId), curve: c.name, kind: c.kind });
  for (const c of j.curves)
    for (const p of c.points) add('emotion', { persona: pRef(c.personaId), curve: curveRef(c), ...stepCells(p.stepId), value: p.value, note: p.note });

  for (const l of j.links) add('link', { id: l.id, from: l.from, to: l.to, kind: l.kind, text: l.label });

  const body = Papa.unparse(rows, { delimiter, newline: '\r\n' });
  return (options.bom ?? true ? '\ufeff' : '') + body + '\r\n';
}

