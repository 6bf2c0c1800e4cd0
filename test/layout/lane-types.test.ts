// The lane-type table (shared/model/lane-types.ts) is what the canvas, the legend, the Markdown
// export and the spreadsheet importers say about a lane type: a card, its legend swatch and the
// export agree, whatever the type.
import { describe, expect, it } from 'vitest';
import { readLaneType } from '../../shared/interop/csv-columns';
import { toMarkdownSummary } from '../../shared/interop/markdown';
import { childKey, entityKey } from '../../shared/layout/keys';
import { layoutJourney } from '../../shared/layout/layout';
import { walk, type NodeSpec } from '../../shared/layout/spec';
import { LANE_TYPE_TABLE } from '../../shared/model/lane-types';
import { LANE_TYPE_LABELS } from '../../shared/model/labels';
import { LANE_TYPES } from '../../shared/model/schema';
import type { Journey, LaneType } from '../../shared/model/types';
import { example, style } from '../support/map-fixture';

/** A journey with one card lane of every type and one card in each. */
function everyLaneType(): Journey {
  const j = example('retail-purchase');
  const stepId = j.stages[0]!.steps[0]!.id;
  const types = LANE_TYPES.filter((t) => t !== 'emotion');
  j.lanes = [...j.lanes.filter((l) => l.type === 'emotion'), ...types.map((t) => ({ id: `lane-${t}`, type: t, label: `Lane ${t}` }))];
  j.cards = types.map((t) => ({ id: `card-${t}`, laneId: `lane-${t}`, stepId, text: `A ${t} card`, evidence: [], channel: 'web' as const }));
  j.links = [];
  return j;
}

function byKey(spec: NodeSpec): Map<string, NodeSpec> {
  const out = new Map<string, NodeSpec>();
  walk(spec, (s) => out.set(s.key, s));
  return out;
}

const strokeOf = (s: NodeSpec | undefined) => (s && 'stroke' in s ? s.stroke : undefined);

describe('the lane-type table', () => {
  const nodes = byKey(layoutJourney(everyLaneType(), style()).root);

  it.each(LANE_TYPES.filter((t) => t !== 'emotion'))('%s: the card and its legend swatch have the same dash and border colour', (type) => {
    const card = strokeOf(nodes.get(entityKey('card', `card-${type}`)));
    const swatch = strokeOf(nodes.get(childKey('legend', 'type', type, 'swatch')));
    expect(card, 'card').toBeDefined();
    expect(swatch, 'swatch').toBeDefined();
    expect(swatch!.dash).toEqual(card!.dash);
    expect(swatch!.paint).toEqual(card!.paint);
    expect(card!.dash).toEqual(LANE_TYPE_TABLE[type].dash ? [...LANE_TYPE_TABLE[type].dash!] : undefined);
  });

  it('a backstage card is dashed and badged Internal; a touchpoint shows its channel; no other type does either', () => {
    for (const type of LANE_TYPES.filter((t) => t !== 'emotion')) {
      expect(nodes.has(childKey(entityKey('card', `card-${type}`), 'internal')), type).toBe(type === 'backstage');
      expect(nodes.has(childKey(entityKey('card', `card-${type}`), 'channel')), type).toBe(type === 'touchpoints');
    }
    expect(strokeOf(nodes.get(entityKey('card', 'card-backstage')))?.dash).toBeDefined();
  });

  it('the Markdown export has a section for each type the table gives one, with its cards', () => {
    const md = toMarkdownSummary(everyLaneType());
    for (const type of LANE_TYPES) {
      const section = LANE_TYPE_TABLE[type].markdownSection;
      if (!section) continue;
      const at = md.indexOf(`## ${section}\n`);
      expect(at, type).toBeGreaterThanOrEqual(0);
      expect(md.slice(at, md.indexOf('\n## ', at + 1))).toContain(`A ${type} card`);
    }
    expect(md).not.toContain('## Backstage');
  });

  it('the spreadsheet importers read every label, value and synonym of the table', () => {
    for (const type of LANE_TYPES as readonly LaneType[]) {
      const row = LANE_TYPE_TABLE[type];
      for (const word of [type, row.label, LANE_TYPE_LABELS[type], ...row.synonyms]) expect(readLaneType(word), word).toBe(type);
    }
  });
});
