// Publishes the journey file format as JSON Schema (draft 2020-12), generated from the zod model so
// the two cannot drift:  npm run schema  -> shared/schema/journey.schema.json
// test/shared/json-schema.test.ts fails when the checked-in file is stale.
//
// Importing this module has no side effects; only running it as a script writes the file.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, FORMAT } from '../../shared/model/envelope';
import { JourneySchema } from '../../shared/model/schema';

export const SCHEMA_ID = `https://journey-mapper.dev/schema/journey.v${CURRENT_SCHEMA_VERSION}.json`;
/** Absolute path of the checked-in schema. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../shared/schema/journey.schema.json', import.meta.url));
export const REGENERATE_COMMAND = 'npm run schema';

/** The envelope schema: `{ format, schemaVersion, journey }` with the journey schema inlined. */
export function buildJsonSchema(): Record<string, unknown> {
  // io: 'input' describes what a person may write: fields with defaults are optional.
  const { $schema: _dialect, ...journey } = z.toJSONSchema(JourneySchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'throw',
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'Journey Mapper journey file',
    description:
      `A customer journey map as saved by the Journey Mapper Figma plugin, schema version ${CURRENT_SCHEMA_VERSION}. ` +
      'Generated from shared/model/schema.ts; do not edit by hand. This schema checks structure only: ' +
      'the plugin also checks that references (laneId, stepId, personaId, evidence, links) point at existing items, ' +
      'that ids are unique and that emotion values lie on the emotion scale. Objects may carry extra fields; they are kept.',
    type: 'object',
    properties: {
      format: { const: FORMAT, description: 'Identifies a Journey Mapper file.' },
      schemaVersion: {
        const: CURRENT_SCHEMA_VERSION,
        description: 'Version of the journey schema the file was written in. Older versions are migrated on load.',
      },
      journey: journey,
    },
    required: ['format', 'schemaVersion', 'journey'],
  };
}

/** The file's exact text: two-space indented JSON with a final newline. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && resolve(invokedPath) === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, renderJsonSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
