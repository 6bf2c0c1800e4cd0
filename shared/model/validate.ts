// Validates a journey and reports every problem at once, each with its JSON path and a message a
// designer understands ("Card "Slow checkout" is in lane "painz", which does not exist").
import type * as z from 'zod/mini';
import { err, ok, type Problem, type Result } from '../result';
import { CHILD_KINDS, describeEntity, ENTITIES, forEachEntity, shapeOf, type AnyEntity, type EntityKind, type EntityTypes } from './entities';
import { forEachId } from './ids';
import { indexJourney, type JourneyIndex } from './journey-index';
import { LIMITS } from './limits';
import { CardSchema, CurveSchema, EvidenceSchema, JourneySchema, LaneSchema, LinkSchema, PersonaSchema, StageSchema, ViewSchema } from './schema';
import { drain, type Steps } from '../steps';
import { utf8Length } from '../storage/utf8';
import type { Journey } from './types';

/** `cards[3].laneId` from zod's path array. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const typeWords: Record<string, string> = {
  string: 'text',
  int: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  undefined: 'missing',
  null: 'null',
};

function describeReceived(input: unknown): string {
  if (input === undefined) return 'missing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeWords[typeof input] ?? typeof input;
}

function zodIssueToProblem(issue: z.core.$ZodIssue): Problem {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (issue.expected === 'int' && typeof input === 'number') return { path, message: `must be a whole number, not ${input}` };
      if (input === undefined) return { path, message: `is missing; it must be ${typeWords[issue.expected] ?? issue.expected}` };
      return { path, message: `must be ${typeWords[issue.expected] ?? issue.expected}, not ${describeReceived(input)}` };
    }
    case 'invalid_value': {
      const input = (issue as { input?: unknown }).input;
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { path, message: `${JSON.stringify(input)} is not allowed; use one of ${allowed}` };
    }
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
      return { path, message: issue.message };
    default:
      return { path, message: issue.message };
  }
}

/** Cross-entity rules: references exist, ids are unique, values lie on the scale. */
export const checkReferences = (j: Journey): Problem[] => drain(checkReferencesSteps(j));

/** Entities checked between two pauses of checkReferencesSteps (a few ms in Figma's interpreter). */
const ENTITIES_PER_STEP = 250;

/** checkReferences in steps: it visits every entity, which at 2,000 cards is 134 ms in QuickJS in one piece. */
export function* checkReferencesSteps(j: Journey): Steps<Problem[]> {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  checkUniqueIds(j, add);
  let stepCount = 0;
  j.stages.forEach((s, i) => {
    if (s.phase === 'custom' && !s.customPhase?.trim())
      add(`stages[${i}].customPhase`, `${describeEntity({ kind: 'stage', item: s })} has the custom phase but no phase name`);
    stepCount += s.steps.length;
  });
  if (stepCount > LIMITS.steps) add('stages', `has ${stepCount} steps in all; the limit is ${LIMITS.steps}`);
  checkScale(j, add);
  yield;
  const ix = indexJourney(j);
  const checks = entityChecks(j, ix);
  const visits: [AnyEntity, () => string, AnyEntity | null][] = [];
  forEachEntity(j, (e, path, parent) => void visits.push([e, path, parent]));
  yield;
  for (let i = 0; i < visits.length; i++) {
    const [e, path, parent] = visits[i]!;
    // An entity with neither id nor name (an emotion point) is described by the one it lives in.
    // Described only when a rule fails: the description costs more than the checks.
    const who = () => describeEntity(shapeOf(e.kind).id(e.item) === undefined && parent ? parent : e);
    checkRefs(ix, e, path, who, add);
    checks[e.kind]?.(e.item as never, path, who, add);
    if (i % ENTITIES_PER_STEP === ENTITIES_PER_STEP - 1) yield;
  }
  return problems;
}

type Add = (path: string, message: string) => void;

/** Ids are unique across the whole journey, so a link or a canvas tag names exactly one thing. */
function checkUniqueIds(j: Journey, add: Add): void {
  const seen = new Map<string, string>();
  forEachId(j, (itemId, path) => {
    const first = seen.get(itemId);
    if (first !== undefined) add(`${path()}.id`, `id "${itemId}" is already used by ${first}; ids must be unique`);
    else seen.set(itemId, path());
  });
}

function checkScale(j: Journey, add: Add): void {
  const { min, max } = j.emotionScale;
  if (min >= max) add('emotionScale', `min (${min}) must be below max (${max})`);
  if (max - min > 20) add('emotionScale', `spans ${max - min} points; at most 20 are allowed`);
  j.emotionScale.labels.forEach((l, i) => {
    if (l.value < min || l.value > max)
      add(`emotionScale.labels[${i}].value`, `label "${l.label}" is at ${l.value}, outside the scale ${min} to ${max}`);
  });
}

/** Every reference field of the entity (the shape table's refs) names an entity of a kind it may name. */
function checkRefs(ix: JourneyIndex, e: AnyEntity, path: () => string, who: () => string, add: Add): void {
  const item = e.item as Record<string, unknown>;
  for (const [field, ref] of Object.entries(shapeOf(e.kind).refs)) {
    const value = item[field];
    if (value === undefined) continue;
    const check = (v: unknown, at: string) => {
      const target = typeof v === 'string' ? ref.to.map((k) => ix.byId[k].get(v)).find((t) => t !== undefined) : undefined;
      const problem = target === undefined ? ref.missing(who(), String(v)) : ref.invalid?.(target, who);
      if (problem) add(at, problem);
    };
    if (ref.many && Array.isArray(value)) value.forEach((v, k) => check(v, `${path()}.${field}[${k}]`));
    else check(value, `${path()}.${field}`);
  }
}

type Check<K extends EntityKind> = (item: EntityTypes[K], path: () => string, who: () => string, add: Add) => void;

/** Rules of one kind of entity beyond its references. */
function entityChecks(j: Journey, ix: JourneyIndex): { [K in EntityKind]?: Check<K> } {
  const { min, max } = j.emotionScale;
  const curvesPerPersona = new Map<string, number>();
  let pointSteps = new Set<string>();
  return {
    curve(c, path, _who, add) {
      const n = (curvesPerPersona.get(c.personaId) ?? 0) + 1;
      curvesPerPersona.set(c.personaId, n);
      if (n === LIMITS.curvesPerPersona + 1) add(path(), `persona "${c.personaId}" has more than ${LIMITS.curvesPerPersona} emotion curves`);
      pointSteps = new Set();
    },
    point(pt, path, who, add) {
      if (pointSteps.has(pt.stepId)) add(`${path()}.stepId`, `${who()} has two values for step "${pt.stepId}"`);
      pointSteps.add(pt.stepId);
      if (pt.value < min || pt.value > max) add(`${path()}.value`, `${who()} has ${pt.value} at step "${pt.stepId}", outside the emotion scale ${min} to ${max}`);
    },
    link(l, path, _who, add) {
      if (l.from === l.to) add(path(), `link starts and ends at "${l.from}"`);
    },
    view(v, path, who, add) {
      // A view's references sit in its options, a level below the fields the shape table's refs cover.
      const refs = (list: readonly string[] | undefined, kind: 'persona' | 'lane' | 'stage', field: string) =>
        (list ?? []).forEach((ref, k) => {
          if (!ix.byId[kind].has(ref)) add(`${path()}.options.${field}[${k}]`, `${who()} shows ${kind} "${ref}", which does not exist`);
        });
      refs(v.options?.personas, 'persona', 'personas');
      refs(v.options?.lanes, 'lane', 'lanes');
      refs(v.options?.stages, 'stage', 'stages');
      if (v.kind === 'persona' && !(v.options?.personas ?? []).length) add(`${path()}.options.personas`, `${who()} is a persona view; choose the persona it shows`);
    },
  };
}

/** The whole journey within LIMITS.journeyBytes, measured as the plugin writes it (the envelope as 2-space JSON). */
export function checkSize(j: Journey): Problem[] {
  let json: string;
  try {
    json = JSON.stringify({ format: 'journey-mapper', schemaVersion: 1, journey: j }, null, 2);
  } catch {
    return [{ path: '', message: 'The journey is nested too deeply to be written as JSON; remove the deeply nested extra fields' }];
  }
  // A code unit is at most 3 UTF-8 bytes: most journeys are far enough below the limit that the
  // exact count (a loop over every character, slow in Figma's interpreter) is not needed.
  if (json.length * 3 <= LIMITS.journeyBytes) return [];
  const bytes = utf8Length(json);
  if (bytes <= LIMITS.journeyBytes) return [];
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return [{ path: '', message: `The journey is ${mb(bytes)} MB of JSON; the limit is ${mb(LIMITS.journeyBytes)} MB. Split it into smaller journeys or shorten long texts` }];
}

/** Parses and checks a journey. Returns the journey with defaults filled in, or every problem found. */
export const validateJourney = (input: unknown): Result<Journey, Problem[]> => drain(validateJourneySteps(input));

/**
 * The lists that grow with a journey, in the schema's order, with the schema of one item and the
 * most items a list may have. validateJourneySteps checks them an item at a time, pausing between.
 */
const LISTS = [
  ['personas', PersonaSchema, LIMITS.personas],
  ['stages', StageSchema, LIMITS.stages],
  ['lanes', LaneSchema, LIMITS.lanes],
  ['cards', CardSchema, LIMITS.cards],
  ['curves', CurveSchema, LIMITS.curves],
  ['links', LinkSchema, LIMITS.links],
  ['evidence', EvidenceSchema, LIMITS.evidence],
  ['views', ViewSchema, LIMITS.views],
] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * validateJourney in steps: the journey without its long lists is parsed in one go, then every
 * item of every long list on its own, pausing after each (an XL journey's 2,000 cards took 0.7 s
 * in one piece in QuickJS). The result is the same as one parse of the whole journey; a list that
 * is too long or not a list is parsed whole, so its problems read exactly as before.
 */
export function* validateJourneySteps(input: unknown): Steps<Result<Journey, Problem[]>> {
  const parts = isRecord(input) ? splitLists(input) : null;
  if (!parts) return finish(JourneySchema.safeParse(input, { reportInput: true }), input);
  const head = JourneySchema.safeParse(parts.head, { reportInput: true });
  const issues: z.core.$ZodIssue[] = head.success ? [] : [...head.error.issues];
  const data: Record<string, unknown> = head.success ? { ...head.data } : {};
  for (const [name, schema] of LISTS) {
    const items = parts.lists[name];
    if (!items) continue;
    const parsed: unknown[] = [];
    for (let i = 0; i < items.length; i++) {
      const r = schema.safeParse(items[i], { reportInput: true });
      if (r.success) parsed.push(r.data);
      else for (const issue of r.error.issues) issues.push({ ...issue, path: [name, i, ...issue.path] });
      yield;
    }
    data[name] = parsed;
  }
  if (issues.length) return finish({ success: false, error: { issues } }, input);
  yield;
  const journey = data as Journey;
  const problems = yield* checkReferencesSteps(journey);
  yield;
  if (!problems.length) problems.push(...checkSize(journey));
  return problems.length ? err(problems) : ok(journey);
}

/** The journey parsed in one piece: what validateJourneySteps must equal (its property test compares them). */
export const validateWhole = (input: unknown): Result<Journey, Problem[]> => finish(JourneySchema.safeParse(input, { reportInput: true }), input);

type Parsed = { success: true; data: Journey } | { success: false; error: { issues: readonly z.core.$ZodIssue[] } };

/** Lists short enough to check an item at a time are taken out of the journey; the rest stays in it. */
function splitLists(input: Record<string, unknown>): { head: Record<string, unknown>; lists: Partial<Record<(typeof LISTS)[number][0], unknown[]>> } {
  const head: Record<string, unknown> = { ...input };
  const lists: Partial<Record<(typeof LISTS)[number][0], unknown[]>> = {};
  for (const [name, , max] of LISTS) {
    const v = input[name];
    if (!Array.isArray(v) || v.length > max || (name === 'stages' && v.length === 0)) continue;
    lists[name] = v;
    head[name] = [];
  }
  // An empty stage list is the journey's own problem ("is empty; a journey needs…"): left in the head.
  if (lists.stages) head.stages = [{ id: 'placeholder', name: '', steps: [{ id: 'placeholder', name: '' }] }];
  return { head, lists };
}

function finish(parsed: Parsed, input: unknown): Result<Journey, Problem[]> {
  if (parsed.success) {
    const problems = checkReferences(parsed.data);
    if (!problems.length) problems.push(...checkSize(parsed.data));
    return problems.length ? err(problems) : ok(parsed.data);
  }
  // Report reference problems in the same pass as structural ones, so a designer does not fix
  // one wave of problems only to meet a second.
  const structural = parsed.error.issues.map(zodIssueToProblem);
  const within = (path: string, outer: string) => path === outer || path.startsWith(`${outer}.`) || path.startsWith(`${outer}[`);
  const references = bestEffortReferenceCheck(input).filter((p) => !structural.some((s) => s.path && within(p.path, s.path)));
  return err([...structural, ...references]);
}

// Non-objects become empty placeholders so every later item keeps its index (and its path).
const asArray = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {})) : [];

/** Raw input shaped as far as the shape table needs: every entity list and list of ids is a list. */
function shapeLike(kind: EntityKind, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const [field, ref] of Object.entries(shapeOf(kind).refs)) if (ref.many) out[field] = Array.isArray(raw[field]) ? raw[field] : [];
  for (const child of CHILD_KINDS[kind]) {
    const list = ENTITIES[child].home!.list;
    out[list] = asArray(raw[list]).map((item) => shapeLike(child, item));
  }
  return out;
}

/** Runs the reference checks on input that failed the structural parse, as far as its shape allows. */
function bestEffortReferenceCheck(input: unknown): Problem[] {
  if (typeof input !== 'object' || input === null) return [];
  const raw = input as Record<string, unknown>;
  const scale = (raw.emotionScale ?? {}) as Record<string, unknown>;
  const shaped = {
    ...shapeLike('journey', raw),
    emotionScale: {
      min: typeof scale.min === 'number' ? scale.min : -2,
      max: typeof scale.max === 'number' ? scale.max : 2,
      labels: asArray(scale.labels),
    },
  };
  try {
    return checkReferences(shaped as unknown as Journey);
  } catch {
    return [];
  }
}
