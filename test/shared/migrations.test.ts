// Envelope, JSON text and migrations: how a file of any version becomes a current journey.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  loadJourney,
  loadJourneyText,
  migrate,
  readEnvelope,
  validateJourney,
  wrap,
  type Envelope,
} from '../../shared/model';
import { MIGRATIONS, v1ToV2, type Migration } from '../../shared/model/migrations';
import type { Problem } from '../../shared/result';
import { exampleEnvelope, exampleJourney, expectProblem, minimalJourney, type Json } from './journey-helpers';

function problems<T>(r: { ok: true; value: T } | { ok: false; error: Problem[] }): Problem[] {
  if (r.ok) throw new Error('expected problems, got a value');
  return r.error;
}

describe('readEnvelope and loadJourney', () => {
  it('accepts a bare journey as the current version', () => {
    const bare = exampleJourney('retail-purchase');
    const env = readEnvelope(bare);
    expect(env).toEqual({ ok: true, value: { format: 'journey-mapper', schemaVersion: CURRENT_SCHEMA_VERSION, journey: bare } });
    const r = loadJourney(bare);
    expect(r.ok && r.value.fromVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('gives paths inside the envelope a "journey." prefix, and none for a bare journey', () => {
    const env = exampleEnvelope('retail-purchase');
    env.journey.cards[3].laneId = 'l-missing';
    expectProblem(problems(loadJourney(env)), 'journey.cards[3].laneId', 'does not exist');
    expectProblem(problems(loadJourney(env.journey)), 'cards[3].laneId', 'does not exist');
  });

  it('rejects a file of another format, naming the expected one', () => {
    const env = exampleEnvelope('retail-purchase');
    env.format = 'journey-map/v1';
    expectProblem(problems(loadJourney(env)), 'format', '"journey-map/v1"', '"journey-mapper"');
  });

  it('rejects a newer schemaVersion and tells the user to update the plugin', () => {
    const env = exampleEnvelope('retail-purchase');
    env.schemaVersion = CURRENT_SCHEMA_VERSION + 1;
    expectProblem(problems(loadJourney(env)), 'schemaVersion', `${CURRENT_SCHEMA_VERSION + 1}`, 'newer', 'update Journey Mapper');
  });

  it.each([[1.5], ['1'], [0], [-1], [null]])('rejects schemaVersion %j', (v) => {
    const env = exampleEnvelope('retail-purchase');
    env.schemaVersion = v;
    expectProblem(problems(loadJourney(env)), 'schemaVersion', 'whole number');
  });

  it('rejects an envelope without a journey, and input that is not an object', () => {
    expectProblem(problems(loadJourney({ format: 'journey-mapper', schemaVersion: 1 })), 'journey', 'missing');
    for (const raw of [null, 'journey', 42, [minimalJourney()]]) expectProblem(problems(loadJourney(raw)), '', 'expected a JSON object');
  });

  it('reports a journey that is not an object at path "journey"', () => {
    expectProblem(problems(loadJourney({ format: 'journey-mapper', schemaVersion: 1, journey: 'oops' })), 'journey', 'object');
  });

  it('wrap() then loadJourney() gives back the same journey', () => {
    const r = validateJourney(exampleJourney('public-service-blueprint'));
    if (!r.ok) throw new Error('example invalid');
    const again = loadJourneyText(JSON.stringify(wrap(r.value)));
    expect(again.ok && again.value.journey).toEqual(r.value);
  });
});

describe('loadJourneyText', () => {
  it('reports the line and column of a JSON syntax error', () => {
    const text = '{\n  "id": "j",\n  "title" "Missing colon"\n}';
    const [p, ...rest] = problems(loadJourneyText(text));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ path: '', line: 3, column: 11 });
    expect(p?.message).toContain('line 3, column 11');
  });

  it('reports the position of a missing comma between properties', () => {
    const text = '{\n  "id": "j",\n  "title": "T"\n  "stages": []\n}';
    expect(problems(loadJourneyText(text))[0]).toMatchObject({ line: 4, column: 3 });
  });

  it('says "not valid JSON" for any syntax error', () => {
    for (const text of ['', '{', '{"a": tru}', '[1,]']) expect(problems(loadJourneyText(text))[0]?.message).toContain('not valid JSON');
  });

  it('reports the line and column of a missing value and of a trailing comma', () => {
    const missingValue = '{\n  "id": "j",\n  "title": ,\n}';
    expect(problems(loadJourneyText(missingValue))[0]).toMatchObject({ line: 3, column: 12 });
    const trailingComma = '{\n  "tags": ["a",]\n}';
    expect(problems(loadJourneyText(trailingComma))[0]).toMatchObject({ line: 2, column: 16 });
  });

  it('passes validation problems through with envelope paths', () => {
    const env = exampleEnvelope('saas-onboarding');
    env.journey.lanes[0].type = 'swimlane';
    expectProblem(problems(loadJourneyText(JSON.stringify(env, null, 2))), 'journey.lanes[0].type', 'use one of');
  });
});

describe('migrate', () => {
  // Two fake future versions: v2 renames `title` to `name`; v3 derives `slug` from `name`.
  // Run in the wrong order, v3 would find no `name` and fail, so the result proves the order.
  const v1ToV2: Migration = (j) => {
    const { title, ...rest } = j as Json;
    return { ...rest, name: title, trail: [...((j as Json).trail ?? []), 'v1->v2'] };
  };
  const v2ToV3: Migration = (j) => {
    const x = j as Json;
    if (typeof x.name !== 'string') throw new Error('v3 needs a name');
    return { ...x, slug: x.name.toLowerCase().replace(/\s+/g, '-'), trail: [...(x.trail ?? []), 'v2->v3'] };
  };
  const steps = { 1: v1ToV2, 2: v2ToV3 };
  const envelope = (schemaVersion: number, journey: unknown): Envelope => ({ format: 'journey-mapper', schemaVersion, journey });

  it('applies the steps in order from the file version up to the target', () => {
    const r = migrate(envelope(1, { id: 'j', title: 'Buy A Sofa' }), steps, 3);
    expect(r).toEqual({
      ok: true,
      value: envelope(3, { id: 'j', name: 'Buy A Sofa', slug: 'buy-a-sofa', trail: ['v1->v2', 'v2->v3'] }),
    });
  });

  it('order matters: the same steps applied v2->v3 first fail', () => {
    expect(() => v1ToV2(v2ToV3({ id: 'j', title: 'Buy A Sofa' }))).toThrow('v3 needs a name');
  });

  it('starts from the file version: a v2 file only gets the v2->v3 step', () => {
    const r = migrate(envelope(2, { id: 'j', name: 'Already Two' }), steps, 3);
    expect(r.ok && r.value.journey).toEqual({ id: 'j', name: 'Already Two', slug: 'already-two', trail: ['v2->v3'] });
  });

  it('leaves a file at the target version untouched and does not mutate its input', () => {
    const journey = { id: 'j', title: 'T' };
    const input = envelope(1, journey);
    const r = migrate(input, steps, 3);
    expect(r.ok).toBe(true);
    expect(journey).toEqual({ id: 'j', title: 'T' });
    expect(migrate(envelope(3, journey), steps, 3)).toEqual({ ok: true, value: envelope(3, journey) });
  });

  it('reports a gap in the table instead of skipping a version', () => {
    expectProblem(problems(migrate(envelope(1, { id: 'j', title: 'T' }), { 1: v1ToV2 }, 3)), 'schemaVersion', 'no migration from version 2 to 3');
    expectProblem(problems(migrate(envelope(1, { id: 'j', title: 'T' }), { 2: v2ToV3 }, 3)), 'schemaVersion', 'no migration from version 1 to 2');
  });

  it('turns a throwing step into a Problem that names the version and the reason', () => {
    const r = migrate(envelope(2, { id: 'j' }), steps, 3);
    expectProblem(problems(r), 'journey', 'version 2', 'v3 needs a name');
  });

  it('rejects a file newer than the target', () => {
    expectProblem(problems(migrate(envelope(4, {}), steps, 3)), 'schemaVersion', 'update Journey Mapper');
  });
});

describe('the real MIGRATIONS table', () => {
  it('has a step for every version below the current one, and none at or above it', () => {
    for (let v = 1; v < CURRENT_SCHEMA_VERSION; v++) expect(MIGRATIONS[v], `MIGRATIONS[${v}]`).toBeTypeOf('function');
    expect(Object.keys(MIGRATIONS).map(Number).filter((v) => v >= CURRENT_SCHEMA_VERSION)).toEqual([]);
  });

  // Guard for future versions: this file was written in schema version 1 and must keep loading,
  // with its content intact, however the model changes. Do not edit the fixture; migrate it.
  it('loads the frozen v1 fixture test/fixtures/journeys/journey.v1.json', () => {
    const text = readFileSync(new URL('../fixtures/journeys/journey.v1.json', import.meta.url), 'utf8');
    const raw = JSON.parse(text) as Json;
    expect(raw.schemaVersion).toBe(1);
    const r = loadJourneyText(text);
    if (!r.ok) throw new Error(r.error.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(r.value.fromVersion).toBe(1);
    const j = r.value.journey as Json;
    expect(j.id).toBe('j-coffee');
    expect(j.stages.flatMap((s: Json) => s.steps.map((st: Json) => st.id))).toEqual(['s-open', 's-pay', 's-pickup']);
    expect(j.cards.map((c: Json) => c.text)).toEqual(raw.journey.cards.map((c: Json) => c.text));
    expect(j.curves[0].points.map((p: Json) => p.value)).toEqual([1, 2, -1]);
    expect(j.personas[0].x_customField).toBe('kept by every version');
    expect(j.evidence[0].quote).toBe('Ordered ahead and still waited five minutes.');
    // Version 2 added views: a version-1 journey has none.
    expect(j.views).toEqual([]);
    expect(j.x_v1_views).toBeUndefined();
  });
});

describe('version 1 -> 2: views', () => {
  const v1 = (journey: Json) => ({ format: 'journey-mapper', schemaVersion: 1, journey });

  it('a version-1 journey gets an empty list of views and keeps everything else', () => {
    const j = { id: 'j', title: 'T', stages: [{ id: 's', name: 'S', steps: [{ id: 'st', name: 'St' }] }], x_mine: { a: 1 } };
    expect(v1ToV2(j)).toEqual({ ...j, views: [] });
    expect(j).not.toHaveProperty('views');
    const r = loadJourney(v1(j));
    expect(r.ok && r.value.fromVersion).toBe(1);
    expect(r.ok && r.value.journey.views).toEqual([]);
    expect(r.ok && (r.value.journey as Json).x_mine).toEqual({ a: 1 });
  });

  it('a version-1 extra field called "views" (version 1 had none) is kept as x_v1_views, not read as views', () => {
    const pageViews = { views: 1200, note: 'page views in September' };
    const j = { id: 'j', title: 'T', stages: [{ id: 's', name: 'S', steps: [{ id: 'st', name: 'St' }] }], views: pageViews };
    const r = loadJourney(v1(j));
    expect(r.ok ? [] : r.error).toEqual([]);
    expect(r.ok && r.value.journey.views).toEqual([]);
    expect(r.ok && (r.value.journey as Json).x_v1_views).toEqual(pageViews);
    // A version-2 file's views are views: the same field read as the current version is validated.
    const asV2 = loadJourney({ format: 'journey-mapper', schemaVersion: 2, journey: j });
    expect(asV2.ok).toBe(false);
  });

  it('leaves input that is not an object for validation to report', () => {
    expect(v1ToV2('oops')).toBe('oops');
    expectProblem(problems(loadJourney(v1([] as unknown as Json))), 'journey', 'object');
  });

  it('every bundled example, written down to version 1 (no views), loads through the migration to the same journey without views', () => {
    for (const id of ['retail-purchase', 'saas-onboarding', 'public-service-blueprint']) {
      const env = exampleEnvelope(id);
      const { views, ...journey } = env.journey;
      expect(views.length, id).toBeGreaterThan(0);
      const r = loadJourney(v1(journey));
      const now = loadJourney(env);
      if (!r.ok || !now.ok) throw new Error(id);
      expect(r.value.journey).toEqual({ ...now.value.journey, views: [] });
    }
  });
});
