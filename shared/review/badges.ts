// Health badges on the map (style option `healthBadges`): the evidence-health findings that follow
// from the journey alone, as short labels per card, per stage and for the journey. Findings that
// depend on today's date (old evidence, a passed review-by date) are left to the panel and the
// CLI: the map would otherwise change by itself overnight, and a drawing must follow from the
// journey and the style only (shared/layout is pure and deterministic).
import type { Journey } from '../model/types';
import { journeyHealth, type HealthFinding, type HealthRule } from './health';

/** The rules drawn as badges: none of them reads the date. */
export const BADGE_RULES: readonly HealthRule[] = ['noEvidence', 'weakEvidence', 'noOwner', 'noMetrics', 'staleReview'];

export interface MapBadges {
  /** Card id → its badge label ("No evidence", "Assumed only · no owner"). */
  cards: Map<string, string>;
  /** Stage id → its badge label ("No metrics", "Changed since review"). */
  stages: Map<string, string>;
  /** The journey's badge label, when the journey changed since its review. */
  journey?: string;
}

const join = (labels: readonly string[]) => labels.map((l, i) => (i === 0 ? l : l.charAt(0).toLowerCase() + l.slice(1))).join(' · ');

export function badgesOf(findings: readonly HealthFinding[]): MapBadges {
  const by = (kind: HealthFinding['kind']) => {
    const m = new Map<string, string[]>();
    for (const f of findings) if (f.kind === kind) m.set(f.id, [...(m.get(f.id) ?? []), f.label]);
    return new Map([...m].map(([id, labels]) => [id, join(labels)]));
  };
  const journey = findings.filter((f) => f.kind === 'journey').map((f) => f.label);
  return { cards: by('card'), stages: by('stage'), ...(journey.length ? { journey: join(journey) } : {}) };
}

/** The badges of a journey (the date is not read by these rules; any day gives the same badges). */
export function mapBadges(j: Journey): MapBadges {
  return badgesOf(journeyHealth(j, { today: '1970-01-01', rules: BADGE_RULES }));
}
