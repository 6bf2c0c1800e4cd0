// fast-check arbitrary for VALID journeys, for property tests of import/export, render and sync.
//
//   fc.assert(fc.property(arbitraryJourney(), (j) => …))
//   arbitraryJourney({ maxStages: 2, text: 'plain', scale: 'default' })
//
// Every generated journey passes validateJourney (the arbitrary checks and throws otherwise, so a
// bug here shows up at once): ids are unique across the journey, every reference points at
// something that exists, emotion values lie on the scale, sizes stay within LIMITS. Values come
// back as validateJourney returns them (defaults filled in).
//
// Coverage: personas (with optional segment/summary/goals/frustrations/quote/evidence), stages with
// 1..n steps, phases and custom phases, stage metrics (with and without ids), lanes of every type
// (persona-scoped or not, hidden or not), cards in every non-emotion lane with all optional fields,
// emotion curves per persona (as-is / to-be / other, sparse points, point notes), links between
// steps and cards, evidence of every kind, a default or custom emotion scale.
//
// Text ("rich", the default) mixes graphemes from all of unicode (fast-check unit 'grapheme')
// with pieces known to be hard: accents, CJK, emoji with ZWJ, quotes, commas, semicolons, pipes,
// "#", ":", newlines (LF and CRLF), tabs and cells that start with = + - @ (formula injection). Names and titles are trimmed and never blank; optional text is
// never blank (a blank optional field is indistinguishable from an absent one in CSV). Ids use
// the whole id alphabet, including ids that start with "-" or look like names; `ids: lookalikeIds()`
// draws them from a few characters so that ids often look alike (layout keys must stay apart).
import fc from 'fast-check';
import {
  CHANNELS,
  CONFIDENCE_LEVELS,
  CURVE_KINDS,
  EVIDENCE_KINDS,
  FUNNEL_PHASES,
  JOURNEY_STATUSES,
  LANE_TYPES,
  LINK_KINDS,
  PRIORITIES,
  WORK_STATUSES,
} from '../../shared/model/schema';
import type { Journey, LaneType } from '../../shared/model/types';
import { validateJourney } from '../../shared/model/validate';
import { formatProblem } from '../../shared/result';

export interface ArbitraryJourneyOptions {
  /** 0..maxPersonas personas (default 3). */
  maxPersonas?: number;
  /** 1..maxStages stages (default 4). */
  maxStages?: number;
  /** 1..maxStepsPerStage steps in each stage (default 3). */
  maxStepsPerStage?: number;
  /** 0..maxLanes lanes (default 6); types drawn from every lane type, emotion included. */
  maxLanes?: number;
  /** 0..maxCards cards (default 12). */
  maxCards?: number;
  /** 0..n curves per persona (default 2, model limit 4). */
  maxCurvesPerPersona?: number;
  maxLinks?: number;
  maxEvidence?: number;
  /** "rich" (default): unicode, quotes, separators, newlines, formula starts. "plain": letters, digits, spaces. */
  text?: 'rich' | 'plain';
  /** "any" (default): the default −2…+2 scale or a custom one; "default": always −2…+2. */
  scale?: 'default' | 'any';
  /** Allow emotion values between scale points (default false: whole numbers). */
  fractionalValues?: boolean;
  /** Only required fields, no optional ones (default false: each optional field may appear). */
  minimal?: boolean;
  /** Ids to draw from (default: 1 to 20 characters of the whole id alphabet). */
  ids?: fc.Arbitrary<string>;
}

const RICH_PIECES = [
  'é',
  'Ünïcødé',
  'ß',
  '日本語',
  'Ελληνικά',
  '😀',
  '👩‍👩‍👧',
  '"',
  '""',
  "'",
  ',',
  ';',
  '\n',
  '\r\n',
  '\t',
  '|',
  '#',
  ':',
  '%%',
  '=SUM(A1)',
  '+1',
  '-2',
  '@here',
  ' ',
  '<br>',
  '&amp;',
  '{',
  '}',
];

function textArbs(mode: 'rich' | 'plain') {
  const raw =
    mode === 'plain'
      ? fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,15}$/)
      : fc
          .array(fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) }, { weight: 2, arbitrary: fc.constantFrom(...RICH_PIECES) }), {
            maxLength: 5,
          })
          .map((parts) => parts.join(''));
  /** Any text, possibly empty or blank (required free-text fields such as card text). */
  const text = raw;
  /** Never blank: optional free text. */
  const optText = raw.map((s) => (s.trim() === '' ? `${s}x` : s));
  /** Trimmed, never empty: names, titles, labels. */
  const name = raw.map((s) => s.trim() || 'Name');
  return { text, optText, name };
}

const idArb = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,20}$/);

/** Short ids from a few letters and every separator (`_ . : -`), so ids often look alike ("e", "e:x", "x:e"). */
export const lookalikeIds = (): fc.Arbitrary<string> => fc.stringMatching(/^[ex1_.:-]{1,4}$/);

const dateArb = fc
  .record({
    y: fc.integer({ min: 2000, max: 2099 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    time: fc.boolean(),
  })
  .map(({ y, m, d, time }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${time ? 'T09:30:00Z' : ''}`);

const urlArb = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length <= 300 && /^\S+$/.test(u)),
  fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.org$/).map((m) => `mailto:${m}`),
);

const numberArb = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);
const unitArb = fc.constantFrom('%', 'ms', '€', 'bookings', 'NPS', 'pts', 'min');

/** Picks a reference by index; nat() shrinks towards the first item. */
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

const uniqueRefs = (ids: readonly string[], picks: readonly number[]): string[] =>
  ids.length === 0 ? [] : [...new Set(picks.map((i) => pick(ids, i)))];

export function arbitraryJourney(opts: ArbitraryJourneyOptions = {}): fc.Arbitrary<Journey> {
  const o = {
    maxPersonas: 3,
    maxStages: 4,
    maxStepsPerStage: 3,
    maxLanes: 6,
    maxCards: 12,
    maxCurvesPerPersona: 2,
    maxLinks: 4,
    maxEvidence: 4,
    text: 'rich' as const,
    scale: 'any' as const,
    fractionalValues: false,
    minimal: false,
    ...opts,
  };
  const { text, optText, name } = textArbs(o.text);
  /** A record whose non-required keys may be absent (and are always absent in minimal mode). */
  function rec<T, K extends keyof T>(model: { [P in keyof T]: fc.Arbitrary<T[P]> }, required: K[]): fc.Arbitrary<Pick<T, K> & Partial<T>> {
    const arb = fc.record(model, { requiredKeys: required }) as unknown as fc.Arbitrary<Pick<T, K> & Partial<T>>;
    if (!o.minimal) return arb;
    return arb.map((v) => {
      const out: Partial<T> = {};
      for (const k of required) out[k] = (v as T)[k];
      return out as Pick<T, K> & Partial<T>;
    });
  }

  const scaleArb =
    o.scale === 'default'
      ? fc.constant(undefined)
      : fc.oneof(
          fc.constant(undefined),
          fc
            .record({ min: fc.integer({ min: -10, max: 5 }), span: fc.integer({ min: 1, max: 20 }) })
            .chain(({ min, span }) =>
              fc
                .uniqueArray(fc.integer({ min, max: min + span }), { maxLength: 5 })
                .chain((values) => fc.array(name, { minLength: values.length, maxLength: values.length }).map((labels) => ({ values, labels })))
                .map(({ values, labels }) => ({
                  min,
                  max: min + span,
                  labels: values.map((value, i) => ({ value, label: (labels[i] ?? 'L').slice(0, 60) })),
                })),
            ),
        );

  const shape = fc.record({
    personas: fc.integer({ min: 0, max: o.maxPersonas }),
    steps: fc.array(fc.integer({ min: 1, max: o.maxStepsPerStage }), { minLength: 1, maxLength: o.maxStages }),
    laneTypes: fc.array(fc.constantFrom<LaneType>(...LANE_TYPES), { maxLength: o.maxLanes }),
    cards: fc.integer({ min: 0, max: o.maxCards }),
    evidence: fc.integer({ min: 0, max: o.maxEvidence }),
    links: fc.integer({ min: 0, max: o.maxLinks }),
    curves: fc.array(fc.integer({ min: 0, max: Math.min(o.maxCurvesPerPersona, 4) }), { minLength: o.maxPersonas, maxLength: o.maxPersonas }),
    metrics: fc.array(fc.integer({ min: 0, max: o.minimal ? 0 : 2 }), { minLength: o.maxStages, maxLength: o.maxStages }),
  });

  const refs = fc.array(fc.nat(), { maxLength: 3 });

  return shape
    .chain((s) => {
      const nStages = s.steps.length;
      const nSteps = s.steps.reduce((a, b) => a + b, 0);
      const cardLanes = s.laneTypes.map((t, i) => (t === 'emotion' ? -1 : i)).filter((i) => i >= 0);
      const nCards = cardLanes.length ? s.cards : 0;
      const curvesPer = s.curves.slice(0, s.personas);
      const nCurves = curvesPer.reduce((a, b) => a + b, 0);
      const metricsPer = s.metrics.slice(0, nStages);
      const nMetrics = metricsPer.reduce((a, b) => a + b, 0);
      const nIds = 1 + s.personas + nStages + nSteps + s.laneTypes.length + nCards + s.evidence + nCurves + s.links + nMetrics;
      const n = (k: number) => ({ minLength: k, maxLength: k });
      return fc.record({
        s: fc.constant({ ...s, nStages, nSteps, cardLanes, nCards, curvesPer, nCurves, metricsPer, nMetrics }),
        ids: fc.uniqueArray(o.ids ?? idArb, n(nIds)),
        journey: rec(
          {
            title: name,
            description: optText,
            objective: optText,
            owner: name,
            status: fc.constantFrom(...JOURNEY_STATUSES),
            updated: dateArb,
            reviewBy: dateArb,
            tags: fc.array(name.map((t) => t.slice(0, 60).trim() || 'tag'), { maxLength: 3 }),
          },
          ['title', 'status', 'tags'],
        ),
        scale: scaleArb,
        personas: fc.array(
          rec(
            {
              name,
              segment: optText,
              summary: optText,
              goals: fc.array(optText, { maxLength: 2 }),
              frustrations: fc.array(optText, { maxLength: 2 }),
              quote: optText,
              evidence: refs,
            },
            ['name', 'goals', 'frustrations', 'evidence'],
          ),
          n(s.personas),
        ),
        stages: fc.array(
          rec(
            {
              name,
              phase: fc.constantFrom(...FUNNEL_PHASES),
              customPhase: name.map((t) => t.slice(0, 60).trim() || 'Phase'),
              description: optText,
              owner: name,
            },
            ['name'],
          ),
          n(nStages),
        ),
        steps: fc.array(rec({ name, description: optText }, ['name']), n(nSteps)),
        lanes: fc.array(rec({ label: name, persona: fc.nat(), hidden: fc.boolean() }, ['label']), n(s.laneTypes.length)),
        cards: fc.array(
          rec(
            {
              step: fc.nat(),
              lane: fc.nat(),
              text,
              channel: fc.constantFrom(...CHANNELS),
              owner: name,
              priority: fc.constantFrom(...PRIORITIES),
              status: fc.constantFrom(...WORK_STATUSES),
              effort: fc.integer({ min: 1, max: 5 }),
              value: fc.integer({ min: 1, max: 5 }),
              metric: rec({ value: numberArb, target: numberArb, unit: unitArb }, ['value']),
              evidence: refs,
              note: optText,
            },
            ['step', 'lane', 'text', 'evidence'],
          ),
          n(nCards),
        ),
        evidence: fc.array(
          rec(
            {
              kind: fc.constantFrom(...EVIDENCE_KINDS),
              source: name,
              url: urlArb,
              confidence: fc.constantFrom(...CONFIDENCE_LEVELS),
              quote: optText,
              date: dateArb,
            },
            ['kind', 'source', 'confidence'],
          ),
          n(s.evidence),
        ),
        curves: fc.array(
          fc.record({
            name: fc.oneof(fc.constantFrom('As-is', 'To-be'), name.map((t) => t.slice(0, 60).trim() || 'Curve')),
            kind: fc.constantFrom(...CURVE_KINDS),
            points: fc.array(
              fc.option(rec({ at: fc.integer({ min: 0, max: 1000 }), note: optText }, ['at']), { nil: undefined, freq: 3 }),
              n(nSteps),
            ),
          }),
          n(nCurves),
        ),
        links: fc.array(rec({ from: fc.nat(), to: fc.nat(), kind: fc.constantFrom(...LINK_KINDS), label: name.map((t) => t.slice(0, 60).trim() || 'to') }, ['from', 'to', 'kind']), n(s.links)),
        metrics: fc.array(
          rec({ withId: fc.boolean(), name: text.map((t) => t.slice(0, 200)), value: numberArb, target: numberArb, unit: unitArb }, ['withId', 'name']),
          n(nMetrics),
        ),
      });
    })
    .map(({ s, ids, journey, scale, personas, stages, steps, lanes, cards, evidence, curves, links, metrics }) => {
      let next = 0;
      const take = () => ids[next++] as string;
      const journeyId = take();
      const personaIds = personas.map(take);
      const stageIds = stages.map(take);
      const stepIds = steps.map(take);
      const laneIds = lanes.map(take);
      const cardIds = cards.map(take);
      const evidenceIds = evidence.map(take);
      const curveIds = curves.map(take);
      const linkIds = links.map(take);
      const metricIds = metrics.map(take);
      const min = scale?.min ?? -2;
      const max = scale?.max ?? 2;

      let stepCursor = 0;
      let metricCursor = 0;
      const outStages = stages.map((st, i) => {
        const count = s.steps[i] ?? 1;
        const stageSteps = steps.slice(stepCursor, stepCursor + count).map((x, k) => ({ id: stepIds[stepCursor + k]!, ...x }));
        stepCursor += count;
        const mCount = s.metricsPer[i] ?? 0;
        const stageMetrics = metrics.slice(metricCursor, metricCursor + mCount).map(({ withId, ...m }, k) => (withId ? { id: metricIds[metricCursor + k]!, ...m } : m));
        metricCursor += mCount;
        // The model requires a name for the custom phase.
        const custom = st.phase === 'custom' && !st.customPhase?.trim() ? { customPhase: 'Custom phase' } : {};
        return { id: stageIds[i]!, ...st, ...custom, metrics: stageMetrics, steps: stageSteps };
      });

      const outLanes = lanes.map(({ persona, ...l }, i) => ({
        id: laneIds[i]!,
        type: s.laneTypes[i]!,
        ...l,
        ...(persona !== undefined && personaIds.length ? { personaId: pick(personaIds, persona) } : {}),
      }));
      const outCards = cards.map(({ step, lane, evidence: ev, ...c }, i) => ({
        id: cardIds[i]!,
        stepId: pick(stepIds, step),
        laneId: laneIds[pick(s.cardLanes, lane)]!,
        ...c,
        evidence: uniqueRefs(evidenceIds, ev),
      }));
      let curveCursor = 0;
      const outCurves = personaIds.flatMap((personaId, p) => {
        const count = s.curvesPer[p] ?? 0;
        const mine = curves.slice(curveCursor, curveCursor + count).map((c, k) => ({
          id: curveIds[curveCursor + k]!,
          personaId,
          name: c.name,
          kind: c.kind,
          points: c.points.flatMap((pt, stepIndex) => {
            if (!pt) return [];
            const raw = min + ((max - min) * pt.at) / 1000;
            const value = o.fractionalValues ? Math.round(raw * 100) / 100 : Math.round(raw);
            const v = Math.min(max, Math.max(min, value)) || 0;
            return [pt.note !== undefined ? { stepId: stepIds[stepIndex]!, value: v, note: pt.note } : { stepId: stepIds[stepIndex]!, value: v }];
          }),
        }));
        curveCursor += count;
        return mine;
      });
      const ends = [...stepIds, ...cardIds.slice(0, cards.length)];
      const outLinks = links.flatMap(({ from, to, ...l }, i) => {
        if (ends.length < 2) return [];
        const a = from % ends.length;
        let b = to % ends.length;
        if (a === b) b = (b + 1) % ends.length;
        return [{ id: linkIds[i]!, from: ends[a]!, to: ends[b]!, ...l }];
      });
      const j = {
        id: journeyId,
        ...journey,
        ...(scale ? { emotionScale: scale } : {}),
        personas: personas.map(({ evidence: ev, ...p }, i) => ({ id: personaIds[i]!, ...p, evidence: uniqueRefs(evidenceIds, ev) })),
        stages: outStages,
        lanes: outLanes,
        cards: outCards,
        curves: outCurves,
        links: outLinks,
        evidence: evidence.map((e, i) => ({ id: evidenceIds[i]!, ...e })),
      };
      const valid = validateJourney(j);
      if (!valid.ok) throw new Error(`arbitraryJourney produced an invalid journey:\n${valid.error.map(formatProblem).join('\n')}\n${JSON.stringify(j)}`);
      return valid.value;
    });
}

/** A small, fixed-shape journey arbitrary for quick tests: 1–2 personas, 1–3 stages, plain text. */
export const arbitrarySmallJourney = (): fc.Arbitrary<Journey> =>
  arbitraryJourney({ maxPersonas: 2, maxStages: 3, maxStepsPerStage: 2, maxLanes: 3, maxCards: 4, maxLinks: 2, maxEvidence: 2, text: 'plain' });
