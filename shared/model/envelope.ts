// The versioned envelope a journey file and the map's plugin data hold:
//   { "format": "journey-mapper", "schemaVersion": 2, "journey": { … } }
// Older files are brought up to date by the ordered, pure steps in migrations.ts.
import { err, ok, type Problem, type Result } from '../result';
import { MIGRATIONS, type Migration } from './migrations';
import type { Journey } from './types';
import { validateJourneySteps } from './validate';
import { drain, type Steps } from '../steps';

export const FORMAT = 'journey-mapper';
export const CURRENT_SCHEMA_VERSION = 2;

export interface Envelope {
  format: typeof FORMAT;
  schemaVersion: number;
  journey: unknown;
}

export function wrap(journey: Journey): Envelope {
  return { format: FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, journey };
}

/**
 * The one way a journey is written out (export, storage on the map): the envelope as 2-space JSON.
 * Loading and writing again gives the same bytes, so an unchanged journey diffs cleanly in git.
 */
export const serializeJourney = (journey: Journey): string => JSON.stringify(wrap(journey), null, 2);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads an envelope, or a bare journey object (taken as the current version). */
export function readEnvelope(raw: unknown): Result<Envelope, Problem[]> {
  if (!isObject(raw)) return err([{ path: '', message: 'is not a journey: expected a JSON object' }]);
  if (!('schemaVersion' in raw) && !('journey' in raw)) {
    if (raw.format !== undefined && raw.format !== FORMAT)
      return err([{ path: 'format', message: `is ${JSON.stringify(raw.format)}; a Journey Mapper file says "${FORMAT}"` }]);
    return ok({ format: FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, journey: raw });
  }
  if (raw.format !== undefined && raw.format !== FORMAT)
    return err([{ path: 'format', message: `is ${JSON.stringify(raw.format)}; a Journey Mapper file says "${FORMAT}"` }]);
  const v = raw.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    return err([{ path: 'schemaVersion', message: 'must be a whole number from 1 up' }]);
  if (!('journey' in raw)) return err([{ path: 'journey', message: 'is missing' }]);
  return ok({ format: FORMAT, schemaVersion: v, journey: raw.journey });
}

/**
 * Applies the migration steps from the envelope's version up to `target`, in order.
 * `steps[n]` turns a version-n journey into a version-(n+1) one.
 */
export function migrate(
  envelope: Envelope,
  steps: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): Result<Envelope, Problem[]> {
  if (envelope.schemaVersion > target)
    return err([
      {
        path: 'schemaVersion',
        message: `is ${envelope.schemaVersion}, newer than this plugin understands (${target}); update Journey Mapper`,
      },
    ]);
  let journey = envelope.journey;
  for (let v = envelope.schemaVersion; v < target; v++) {
    const step = steps[v];
    if (!step) return err([{ path: 'schemaVersion', message: `no migration from version ${v} to ${v + 1}` }]);
    try {
      journey = step(journey);
    } catch (e) {
      return err([{ path: 'journey', message: `could not be upgraded from version ${v}: ${(e as Error).message}` }]);
    }
  }
  return ok({ format: FORMAT, schemaVersion: target, journey });
}

export interface LoadedJourney {
  journey: Journey;
  /** The schema version the input was written in. */
  fromVersion: number;
}

/** JSON nested deeper than this is refused (a journey is about 6 levels; extra fields get room). */
export const MAX_JSON_DEPTH = 100;

const pathOf = (parts: ReadonlyArray<string | number>) => parts.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');

/**
 * Problems zod cannot word: numbers too large for a double (JSON.parse makes 1e400 Infinity) and
 * nesting deep enough to overflow the stack of code that walks the journey. Iterative, so it
 * cannot overflow itself.
 */
export const checkJsonShape = (value: unknown): Problem[] => drain(checkJsonShapeSteps(value));

/** How many values the walks below visit between two pauses. */
const WALK_STEP = 2_000;

/** A value met by the walk: its path is kept as a link to its parent and built only for a problem. */
interface Visit {
  v: unknown;
  parent: Visit | null;
  key: string | number;
  depth: number;
}

const pathTo = (at: Visit): Array<string | number> => {
  const path: Array<string | number> = [];
  for (let x: Visit | null = at; x && x.parent; x = x.parent) path.push(x.key);
  return path.reverse();
};

function* checkJsonShapeSteps(value: unknown): Steps<Problem[]> {
  const problems: Problem[] = [];
  const stack: Visit[] = [{ v: value, parent: null, key: '', depth: 0 }];
  let visited = 0;
  while (stack.length && problems.length < 20) {
    if (++visited % WALK_STEP === 0) yield;
    const at = stack.pop()!;
    const v = at.v;
    if (typeof v === 'number' && !Number.isFinite(v)) problems.push({ path: pathOf(pathTo(at)), message: 'is a number too large to hold (more than 1.8e308)' });
    if (typeof v !== 'object' || v === null) continue;
    if (at.depth >= MAX_JSON_DEPTH) {
      problems.push({ path: pathOf(pathTo(at)), message: `is nested more than ${MAX_JSON_DEPTH} levels deep; Journey Mapper reads at most ${MAX_JSON_DEPTH}` });
      continue;
    }
    const depth = at.depth + 1;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push({ v: v[i], parent: at, key: i, depth });
    else for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], parent: at, key: k, depth });
  }
  return problems;
}

/**
 * zod rebuilds objects by assignment, which turns an own "__proto__" field into a prototype and
 * drops it. Extra fields are kept whatever their name, so those are copied back as own fields.
 */
function* keepProtoFields(raw: unknown, parsed: unknown): Steps<void> {
  const stack: Array<[unknown, unknown]> = [[raw, parsed]];
  let visited = 0;
  while (stack.length) {
    if (++visited % WALK_STEP === 0) yield;
    const [r, p] = stack.pop()!;
    if (typeof r !== 'object' || r === null || typeof p !== 'object' || p === null) continue;
    if (Object.prototype.hasOwnProperty.call(r, '__proto__') && !Object.prototype.hasOwnProperty.call(p, '__proto__'))
      Object.defineProperty(p, '__proto__', { value: (r as Record<string, unknown>)['__proto__'], enumerable: true, writable: true, configurable: true });
    for (const k of Object.keys(r)) if (k !== '__proto__' && Object.prototype.hasOwnProperty.call(p, k)) stack.push([(r as Record<string, unknown>)[k], (p as Record<string, unknown>)[k]]);
  }
}

/** Everything a reader needs: envelope or bare journey in, migrated and validated journey out. */
export const loadJourney = (raw: unknown): Result<LoadedJourney, Problem[]> => drain(loadJourneySteps(raw));

/** loadJourney in steps that pause inside every walk over the journey (see shared/steps.ts). */
export function* loadJourneySteps(raw: unknown): Steps<Result<LoadedJourney, Problem[]>> {
  const env = readEnvelope(raw);
  if (!env.ok) return env;
  const prefix = 'schemaVersion' in (raw as object) ? 'journey.' : '';
  const withPrefix = (ps: Problem[]) => ps.map((p) => ({ ...p, path: p.path ? prefix + p.path : prefix.replace(/\.$/, '') }));
  const shape = yield* checkJsonShapeSteps(env.value.journey);
  if (shape.length) return err(withPrefix(shape));
  const migrated = migrate(env.value);
  if (!migrated.ok) return migrated;
  const valid = yield* validateJourneySteps(migrated.value.journey);
  if (!valid.ok) return err(withPrefix(valid.error));
  yield* keepProtoFields(migrated.value.journey, valid.value);
  return ok({ journey: valid.value, fromVersion: env.value.schemaVersion });
}
