// Validates a journey and reports every problem at once, each with its JSON path and a message a
// designer understands ("Card "Slow checkout" is in lane "painz", which does not exist").
import type * as z from 'zod/mini';
import { err, ok, type Problem, type Result } from '../result';
import { forEachId } from './ids';
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

/** A short human name for an entity, used to make messages findable on the canvas. */
function nameOf(kind: string, item: { id?: unknown; name?: unknown; text?: unknown; label?: unknown; title?: unknown }): string {
  const label = [item.name, item.text, item.label, item.title].find((v) => typeof v === 'string' && v.trim());
  if (typeof label === 'string') {
    const short = label.length > 40 ? `${label.slice(0, 39)}…` : label;
    return `${kind} "${short}"`;
  }
  return `${kind} ${JSON.stringify(item.id)}`;
}

/** Cross-entity rules: references exist, ids are unique, values lie on the scale. */
export function checkReferences(j: Journey): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  // Ids are unique across the whole journey, so a link or a canvas tag names exactly one thing.
  const seen = new Map<string, string>();
  const claim = (itemId: string | undefined, path: string) => {
    if (itemId === undefined) return;
    const first = seen.get(itemId);
    if (first !== undefined) add(`${path}.id`, `id "${itemId}" is already used by ${first}; ids must be unique`);
    else seen.set(itemId, path);
  };
  forEachId(j, (itemId, path) => claim(itemId, path()));
  const stepIds = new Set<string>();
  let stepCount = 0;
  j.stages.forEach((s, i) => {
    if (s.phase === 'custom' && !s.customPhase?.trim())
      add(`stages[${i}].customPhase`, `${nameOf('Stage', s)} has the custom phase but no phase name`);
    for (const st of s.steps) {
      stepIds.add(st.id);
      stepCount++;
    }
  });

  if (stepCount > LIMITS.steps) add('stages', `has ${stepCount} steps in all; the limit is ${LIMITS.steps}`);

  const personaIds = new Set(j.personas.map((p) => p.id));
  const lanesById = new Map(j.lanes.map((l) => [l.id, l]));
  const evidenceIds = new Set(j.evidence.map((e) => e.id));
  const cardIds = new Set(j.cards.map((c) => c.id));

  const checkEvidence = (refs: readonly string[], path: string, owner: string) =>
    refs.forEach((ref, k) => {
      if (!evidenceIds.has(ref)) add(`${path}.evidence[${k}]`, `${owner} cites evidence "${ref}", which is not in the evidence list`);
    });

  const { min, max } = j.emotionScale;
  if (min >= max) add('emotionScale', `min (${min}) must be below max (${max})`);
  if (max - min > 20) add('emotionScale', `spans ${max - min} points; at most 20 are allowed`);
  j.emotionScale.labels.forEach((l, i) => {
    if (l.value < min || l.value > max)
      add(`emotionScale.labels[${i}].value`, `label "${l.label}" is at ${l.value}, outside the scale ${min} to ${max}`);
  });

  j.personas.forEach((p, i) => checkEvidence(p.evidence, `personas[${i}]`, nameOf('Persona', p)));

  j.lanes.forEach((l, i) => {
    if (l.personaId !== undefined && !personaIds.has(l.personaId))
      add(`lanes[${i}].personaId`, `${nameOf('Lane', l)} belongs to persona "${l.personaId}", which does not exist`);
  });

  j.cards.forEach((c, i) => {
    const who = nameOf('Card', c);
    const lane = lanesById.get(c.laneId);
    if (!lane) add(`cards[${i}].laneId`, `${who} is in lane "${c.laneId}", which does not exist`);
    else if (lane.type === 'emotion')
      add(`cards[${i}].laneId`, `${who} is in the emotion lane "${lane.label}"; emotion comes from curves, not cards`);
    if (!stepIds.has(c.stepId)) add(`cards[${i}].stepId`, `${who} is under step "${c.stepId}", which does not exist`);
    checkEvidence(c.evidence, `cards[${i}]`, who);
  });

  const curvesPerPersona = new Map<string, number>();
  j.curves.forEach((c, i) => {
    const who = nameOf('Emotion curve', c);
    if (!personaIds.has(c.personaId)) add(`curves[${i}].personaId`, `${who} belongs to persona "${c.personaId}", which does not exist`);
    const n = (curvesPerPersona.get(c.personaId) ?? 0) + 1;
    curvesPerPersona.set(c.personaId, n);
    if (n === LIMITS.curvesPerPersona + 1)
      add(`curves[${i}]`, `persona "${c.personaId}" has more than ${LIMITS.curvesPerPersona} emotion curves`);
    const pointSteps = new Set<string>();
    c.points.forEach((pt, k) => {
      const at = `curves[${i}].points[${k}]`;
      if (!stepIds.has(pt.stepId)) add(`${at}.stepId`, `${who} has a value for step "${pt.stepId}", which does not exist`);
      if (pointSteps.has(pt.stepId)) add(`${at}.stepId`, `${who} has two values for step "${pt.stepId}"`);
      pointSteps.add(pt.stepId);
      if (pt.value < min || pt.value > max)
        add(`${at}.value`, `${who} has ${pt.value} at step "${pt.stepId}", outside the emotion scale ${min} to ${max}`);
    });
  });

  j.links.forEach((l, i) => {
    const exists = (ref: string) => stepIds.has(ref) || cardIds.has(ref);
    if (!exists(l.from)) add(`links[${i}].from`, `link starts at "${l.from}", which does not exist as a step or card`);
    if (!exists(l.to)) add(`links[${i}].to`, `link ends at "${l.to}", which does not exist as a step or card`);
    if (l.from === l.to) add(`links[${i}]`, `link starts and ends at "${l.from}"`);
  });

  checkViews(j, personaIds, new Set(j.lanes.map((l) => l.id)), new Set(j.stages.map((s) => s.id)), add);
  return problems;
}

/** A view's options name personas, lanes and stages that exist; a persona view names its persona. */
function checkViews(j: Journey, personas: Set<string>, lanes: Set<string>, stages: Set<string>, add: (path: string, message: string) => void): void {
  (j.views ?? []).forEach((v, i) => {
    const who = nameOf('View', v);
    const refs = (list: readonly string[] | undefined, known: Set<string>, field: string, what: string) =>
      (list ?? []).forEach((ref, k) => {
        if (!known.has(ref)) add(`views[${i}].options.${field}[${k}]`, `${who} shows ${what} "${ref}", which does not exist`);
      });
    refs(v.options?.personas, personas, 'personas', 'persona');
    refs(v.options?.lanes, lanes, 'lanes', 'lane');
    refs(v.options?.stages, stages, 'stages', 'stage');
    if (v.kind === 'persona' && !(v.options?.personas ?? []).length) add(`views[${i}].options.personas`, `${who} is a persona view; choose the persona it shows`);
  });
}

/** The whole journey within LIMITS.journeyBytes, measured as the plugin writes it (the envelope as 2-space JSON). */
export function checkSize(j: Journey): Problem[] {
  let json: string;
  try {
    // The envelope as serializeJourney writes it (envelope.ts imports this module, so the version is written out).
    json = JSON.stringify({ format: 'journey-mapper', schemaVersion: 2, journey: j }, null, 2);
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
  const problems = checkReferences(journey);
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

/** Runs the reference checks on input that failed the structural parse, as far as its shape allows. */
function bestEffortReferenceCheck(input: unknown): Problem[] {
  if (typeof input !== 'object' || input === null) return [];
  const raw = input as Record<string, unknown>;
  const list = (item: Record<string, unknown>, key: string) => (Array.isArray(item[key]) ? item[key] : []);
  const scale = (raw.emotionScale ?? {}) as Record<string, unknown>;
  const shaped = {
    ...raw,
    emotionScale: {
      min: typeof scale.min === 'number' ? scale.min : -2,
      max: typeof scale.max === 'number' ? scale.max : 2,
      labels: asArray(scale.labels),
    },
    personas: asArray(raw.personas).map((p) => ({ ...p, evidence: list(p, 'evidence') })),
    stages: asArray(raw.stages).map((s) => ({ ...s, steps: asArray(s.steps), metrics: asArray(s.metrics) })),
    lanes: asArray(raw.lanes),
    cards: asArray(raw.cards).map((c) => ({ ...c, evidence: list(c, 'evidence') })),
    curves: asArray(raw.curves).map((c) => ({ ...c, points: asArray(c.points) })),
    links: asArray(raw.links),
    evidence: asArray(raw.evidence),
    views: asArray(raw.views).map((v) => ({ ...v, options: typeof v.options === 'object' && v.options !== null ? v.options : {} })),
  };
  try {
    return checkReferences(shaped as unknown as Journey);
  } catch {
    return [];
  }
}
