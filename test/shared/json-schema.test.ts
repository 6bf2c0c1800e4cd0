// The published JSON Schema (shared/schema/journey.schema.json) must match the zod model, and the
// examples must satisfy it. The check below is a deliberately tiny JSON Schema evaluator that
// knows exactly the keywords zod emits for this model and throws on any other, so it can never
// pass a schema it does not understand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples';
import { CHANNELS, LANE_TYPES, LINK_KINDS, VIEW_KINDS } from '../../shared/model';
import { buildJsonSchema, REGENERATE_COMMAND, SCHEMA_FILE, SCHEMA_ID } from '../harness/gen-json-schema';
import { exampleEnvelope, type Json } from './journey-helpers';

const checkedIn = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Json;

type Schema = Record<string, Json>;
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default']);
const KNOWN = new Set([
  ...ANNOTATIONS,
  'type', 'properties', 'required', 'additionalProperties', 'items',
  'minItems', 'maxItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'enum', 'const',
]);

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v;

/** Returns the JSON paths where `value` breaks `schema` (empty when it conforms). */
function check(schema: Schema, value: unknown, path = ''): string[] {
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`schema keyword "${k}" at ${path || '(root)'} is not understood by this test`);
  const out: string[] = [];
  const fail = (why: string) => out.push(`${path || '(root)'}: ${why}`);
  const t = typeOf(value);
  if (schema.type !== undefined && !(schema.type === t || (schema.type === 'number' && t === 'integer'))) {
    fail(`expected ${schema.type}, got ${t}`);
    return out;
  }
  if ('const' in schema && value !== schema.const) fail(`expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) fail(`${JSON.stringify(value)} not in enum`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) fail('too short');
    if (schema.maxLength !== undefined && value.length > schema.maxLength) fail('too long');
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) fail(`does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) fail('below minimum');
    if (schema.maximum !== undefined && value > schema.maximum) fail('above maximum');
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) fail('too few items');
    if (schema.maxItems !== undefined && value.length > schema.maxItems) fail('too many items');
    if (schema.items) value.forEach((v, i) => out.push(...check(schema.items, v, `${path}[${i}]`)));
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (!(r in obj)) fail(`missing required "${r}"`);
    const props: Record<string, Schema> = schema.properties ?? {};
    for (const [k, v] of Object.entries(obj)) {
      const at = path ? `${path}.${k}` : k;
      if (props[k]) out.push(...check(props[k], v, at));
      else if (schema.additionalProperties === false) fail(`unexpected property "${k}"`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') out.push(...check(schema.additionalProperties, v, at));
    }
  }
  return out;
}

describe('shared/schema/journey.schema.json', () => {
  it('is up to date with shared/model/schema.ts', () => {
    expect(
      checkedIn,
      `shared/schema/journey.schema.json is stale: the zod model changed. Regenerate it with \`${REGENERATE_COMMAND}\` and commit the result.`,
    ).toEqual(buildJsonSchema());
  });

  it('is a draft 2020-12 envelope schema with the published $id', () => {
    expect(checkedIn.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(checkedIn.$id).toBe('https://journey-mapper.dev/schema/journey.v2.json');
    expect(SCHEMA_ID).toBe(checkedIn.$id);
    expect(checkedIn.title).toEqual(expect.any(String));
    expect(checkedIn.description).toEqual(expect.any(String));
    expect(checkedIn.required).toEqual(['format', 'schemaVersion', 'journey']);
    expect(checkedIn.properties.format).toMatchObject({ const: 'journey-mapper' });
    expect(checkedIn.properties.schemaVersion).toMatchObject({ const: 2 });
    // The journey schema is inlined, without a second $schema.
    expect(checkedIn.properties.journey.$schema).toBeUndefined();
    expect(checkedIn.properties.journey.required).toEqual(['id', 'title', 'stages']);
  });

  it('describes input: fields with defaults are optional, unknown fields allowed', () => {
    const journey = checkedIn.properties.journey;
    expect(journey.properties.status.default).toBe('draft');
    expect(journey.required).not.toContain('status');
    expect(journey.additionalProperties).toEqual({});
    const card = journey.properties.cards.items;
    expect(card.required).toEqual(['id', 'laneId', 'stepId', 'text']);
    expect(card.additionalProperties).toEqual({});
  });

  it('carries the model enums', () => {
    const journey = checkedIn.properties.journey;
    expect(journey.properties.lanes.items.properties.type.enum).toEqual([...LANE_TYPES]);
    expect(journey.properties.cards.items.properties.channel.enum).toEqual([...CHANNELS]);
    expect(journey.properties.links.items.properties.kind.enum).toEqual([...LINK_KINDS]);
    expect(journey.properties.views.items.properties.kind.enum).toEqual([...VIEW_KINDS]);
  });
});

describe('the examples against the JSON Schema', () => {
  it.each(EXAMPLES.map((e) => [e.id, e.envelope] as const))('%s conforms', (_id, envelope) => {
    expect(check(checkedIn, envelope)).toEqual([]);
  });

  it('the checker is not vacuous: it finds a wrong lane type, a missing title and a wrong version', () => {
    const env = exampleEnvelope('retail-purchase');
    env.schemaVersion = 3;
    env.journey.lanes[0].type = 'swimlane';
    delete env.journey.title;
    env.journey.cards[0].effort = 9;
    expect(check(checkedIn, env)).toEqual([
      'schemaVersion: expected 2',
      'journey: missing required "title"',
      'journey.lanes[0].type: "swimlane" not in enum',
      'journey.cards[0].effort: above maximum',
    ]);
  });

  it('the checker refuses keywords it does not know', () => {
    expect(() => check({ anyOf: [] }, 1)).toThrow('not understood');
  });
});
