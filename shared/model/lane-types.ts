// What each lane type means wherever a journey is shown or read: one row per type of the schema's
// LANE_TYPES, in the spirit of tldraw's ShapeUtil (https://tldraw.dev/docs/shapes). The canvas
// (shared/layout/cards.ts, legend.ts, grid.ts), the panel (ui/data/labels.ts), the Markdown export
// (shared/interop/markdown.ts) and the spreadsheet importers (shared/interop/csv-columns.ts) read
// it; the colours are the theme's (shared/theme/themes.ts, `lanes`).
//
// Adding a lane type: the value in LANE_TYPES (shared/model/schema.ts), a row here, and a swatch in
// each theme. The compiler asks for the last two once the first is there.
import type { LaneType } from './types';

export interface LaneTypeRow {
  /** The lane type's name, on the canvas, in the panel and in exports. */
  label: string;
  /** One card of the type, as a card says it when colour cannot tell the types apart (high contrast). */
  cardLabel: string;
  /** Cards that must be read first: medium-weight text and a border in the accent colour. */
  emphasis: boolean;
  /** The card border's dash (and the legend swatch's), when it is dashed. */
  dash?: readonly [number, number];
  /** What a card shows above its text: its channel, or an "Internal" badge. */
  badge?: 'channel' | 'internal';
  /** Said after the label in the legend, for what colour alone would not tell. */
  legendNote?: string;
  /** The Markdown export's section listing these cards, when it has one. */
  markdownSection?: string;
  /** Other words for the type in a spreadsheet's lane_type cell or a lane's name (compared loosely). */
  synonyms: readonly string[];
}

export const LANE_TYPE_TABLE: { readonly [T in LaneType]: LaneTypeRow } = {
  actions: { label: 'Actions', cardLabel: 'Action', emphasis: false, synonyms: ['action', 'doing', 'does', 'tasks'] },
  thoughts: { label: 'Thoughts', cardLabel: 'Thought', emphasis: false, synonyms: ['thought', 'thinking', 'thinks', 'feelings', 'feeling', 'quotes'] },
  touchpoints: { label: 'Touchpoints', cardLabel: 'Touchpoint', emphasis: false, badge: 'channel', synonyms: ['touchpoint', 'channels', 'channel', 'frontstage'] },
  painPoints: {
    label: 'Pain points',
    cardLabel: 'Pain point',
    emphasis: true,
    markdownSection: 'Pain points',
    synonyms: ['painpoint', 'pains', 'pain', 'problems', 'frustrations', 'issues'],
  },
  opportunities: {
    label: 'Opportunities',
    cardLabel: 'Opportunity',
    emphasis: true,
    markdownSection: 'Opportunities',
    synonyms: ['opportunity', 'ideas', 'idea', 'improvements', 'gains'],
  },
  backstage: {
    label: 'Backstage',
    cardLabel: 'Backstage',
    emphasis: false,
    dash: [4, 3],
    badge: 'internal',
    legendNote: ' (internal, dashed)',
    synonyms: ['behindthescenes', 'support', 'supportprocesses'],
  },
  metrics: { label: 'Metrics', cardLabel: 'Metric', emphasis: false, synonyms: ['kpi', 'kpis', 'metric', 'measures'] },
  text: { label: 'Notes', cardLabel: 'Note', emphasis: false, synonyms: ['notes', 'note'] },
  emotion: { label: 'Emotion', cardLabel: 'Emotion', emphasis: false, synonyms: ['emotions', 'emotioncurve', 'mood', 'sentiment'] },
};

/** The row of a lane type. */
export const laneTypeRow = (type: LaneType): LaneTypeRow => LANE_TYPE_TABLE[type];
