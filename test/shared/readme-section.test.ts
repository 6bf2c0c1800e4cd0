// The "journey JSON format" section of README.md. Its example
// must be a valid journey and its limits table must say what shared/model/limits.ts says.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  CONFIDENCE_LEVELS,
  CURRENT_SCHEMA_VERSION,
  EVIDENCE_KINDS,
  JOURNEY_STATUSES,
  LANE_TYPES,
  LIMITS,
  loadJourneyText,
  VIEW_KINDS,
} from '../../shared/model';

const repoRoot = new URL('../../', import.meta.url);
const HEADING = '## The journey JSON format\n';

/** The section as it stands in README.md. */
function sections(): [string, string][] {
  const out: [string, string][] = [];
  const readme = new URL('README.md', repoRoot);
  const text = existsSync(readme) ? readFileSync(readme, 'utf8') : '';
  const start = text.indexOf(HEADING);
  if (start < 0) throw new Error(`README.md has no "${HEADING}" section`);
  const next = text.indexOf('\n## ', start + HEADING.length);
  out.push(['README.md', text.slice(start, next < 0 ? undefined : next + 1)]);
  return out;
}

/** The README wording for each limit. A new limit without a row here fails the test below. */
const LIMIT_LABELS: Record<keyof typeof LIMITS, string> = {
  idLength: 'Characters in an id',
  nameLength: 'Characters in a name, label or title',
  textLength: 'Characters in a text (description, card text, quote, note)',
  urlLength: 'Characters in a URL',
  listItems: 'Goals or frustrations per persona',
  tags: 'Tags',
  personas: 'Personas',
  stages: 'Stages',
  steps: 'Steps in the whole journey',
  lanes: 'Lanes',
  cards: 'Cards',
  curves: 'Emotion curves',
  curvesPerPersona: 'Emotion curves per persona',
  links: 'Links',
  evidence: 'Evidence items',
  evidencePerItem: 'Evidence ids cited by one card or persona',
  metricsPerStage: 'Metrics per stage',
  views: 'Views',
  viewTop: 'Pain points and opportunities an executive summary lists',
  journeyBytes: 'Bytes in the whole journey (its JSON as exported, UTF-8); files of up to twice this import',
};

function renderLimitsTable(): string {
  const rows = (Object.keys(LIMITS) as (keyof typeof LIMITS)[]).map((k) => `| ${LIMIT_LABELS[k]} | ${LIMITS[k]} |`);
  return ['| Limit | Maximum |', '|---|---|', ...rows].join('\n');
}

function jsonBlocks(md: string): string[] {
  return [...md.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');
}

describe.each(sections())('README section "The journey JSON format" in %s', (_file, markdown) => {
  it('starts with the section heading', () => {
    expect(markdown.startsWith(HEADING)).toBe(true);
  });

  it('has exactly one ```json example, and it loads as a valid current-version journey', () => {
    const blocks = jsonBlocks(markdown);
    expect(blocks).toHaveLength(1);
    const r = loadJourneyText(blocks[0] ?? '');
    expect(r.ok ? [] : r.error).toEqual([]);
    if (r.ok) {
      expect(r.value.fromVersion).toBe(CURRENT_SCHEMA_VERSION);
      expect(JSON.parse(blocks[0] ?? '')).toMatchObject({ format: 'journey-mapper', schemaVersion: CURRENT_SCHEMA_VERSION });
    }
  });

  it('states the size limits exactly as LIMITS defines them', () => {
    expect(
      markdown,
      'The limits table in test/shared/README-section.md is out of date with shared/model/limits.ts; paste renderLimitsTable() output.',
    ).toContain(renderLimitsTable());
  });

  it('links to the JSON Schema and the examples, which exist', () => {
    expect(markdown).toContain('](shared/schema/journey.schema.json)');
    expect(markdown).toContain('](shared/examples/)');
    expect(existsSync(new URL('shared/schema/journey.schema.json', repoRoot))).toBe(true);
    expect(existsSync(new URL('shared/examples/', repoRoot))).toBe(true);
  });

  it('lists every lane type, channel, evidence kind, confidence, status and view kind the model allows', () => {
    for (const v of [...LANE_TYPES, ...CHANNELS, ...CONFIDENCE_LEVELS, ...EVIDENCE_KINDS, ...JOURNEY_STATUSES, ...VIEW_KINDS]) expect(markdown).toContain(`\`${v}\``);
  });
});
