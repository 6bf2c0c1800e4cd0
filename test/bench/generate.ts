// Deterministic journey generator for the benchmark: the same parameters always give the same
// journey, byte for byte. Journeys are valid (validateJourney) and look like real research maps:
// every lane type, persona-specific lanes, pain points with owner/priority/status (and often
// effort/value), touchpoints with channels, metric cards with targets, evidence of every kind and
// confidence cited by cards and personas, step and card links, and per persona an as-is and a
// to-be emotion curve with a value on the scale at every step.
import { LIMITS } from '../../shared/model/limits';
import { CHANNELS, CONFIDENCE_LEVELS, EVIDENCE_KINDS, FUNNEL_PHASES, LANE_TYPES, PRIORITIES, WORK_STATUSES } from '../../shared/model/schema';
import type { Card, Curve, Evidence, Journey, JourneyInput, Lane, LaneType, Link, Persona, Stage } from '../../shared/model/types';
import { validateJourney } from '../../shared/model/validate';

export interface GenerateOptions {
  stages: number;
  stepsPerStage: number;
  /** Lanes in all, the emotion lane included. With 9 or more every lane type appears. */
  lanes: number;
  personas: number;
  curvesPerPersona: number;
  cards: number;
  /** Seed of the pseudo-random text and values (default 1). */
  seed?: number;
}

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const SUBJECTS = ['Customer', 'They', 'The buyer', 'Their partner', 'The account owner', 'A returning customer', 'The shopper'];
const VERBS = ['compares', 'checks', 'searches for', 'asks about', 'reads', 'downloads', 'fills in', 'waits for', 'calls about', 'shares', 'books', 'cancels', 'reviews', 'uploads'];
const OBJECTS = [
  'delivery options across three retailers',
  'the price including fees and taxes',
  'reviews from people with the same problem',
  'the confirmation email and order number',
  'a discount code found on a coupon site',
  'the returns policy in the small print',
  'a time slot that fits around work',
  'the status of the order in the app',
  'the size guide and product dimensions',
  'a quote from a competitor',
  'the identity documents the form asks for',
  'help articles before contacting support',
];
const TAILS = [
  'before committing',
  'on a phone during the commute',
  'late in the evening',
  'with a colleague looking over their shoulder',
  'and gives up after two attempts',
  'because the first answer was unclear',
  'while switching between tabs',
  'and screenshots it for later',
  '',
];
const THOUGHTS = [
  'Is this really the final price, or will something be added at the end?',
  'I just want to know when it will arrive.',
  'Why do I have to enter the same details again?',
  'If this goes wrong I will never get my money back.',
  'That was easier than I expected.',
  'I wish somebody would just tell me what to pick.',
  'I do not trust the photos any more.',
  'Finally, somebody who actually knows the product.',
];
const PAIN = [
  'Delivery fees appear only at the last step of checkout',
  'The form times out and loses everything typed so far',
  'No proactive update between order and delivery',
  'Support hours end before most customers finish work',
  'The app and the website show different stock levels',
  'Password reset emails arrive after the link has expired',
  'Return labels must be printed, and many customers have no printer',
  'Two departments ask for the same documents twice',
];
const OPPS = [
  'Show the full price, fees included, on the product page',
  'Save progress automatically and let people resume from email',
  'Send a weekly status message with a realistic date',
  'Offer a call-back slot in the evening',
  'Share one stock service between web and app',
  'Let customers show a QR code instead of printing a label',
  'Reuse documents already on file across departments',
];
const BACKSTAGE = [
  'Order is re-keyed by hand into the warehouse system',
  'Fraud check runs as an overnight batch job',
  'Store staff see the online order only after it is paid',
  'Customer service has no view of the courier tracking',
  'Finance approves refunds above the threshold by email',
];
const NOTES = [
  'Seen in 9 of 14 interviews.',
  'Spikes on Mondays after weekend orders.',
  'Mentioned unprompted by most participants.',
  'Confirmed by the support team lead.',
];
const OWNERS = ['E-commerce product team', 'Customer service', 'Logistics', 'Brand marketing', 'Payments squad', 'Store operations', 'Data & analytics'];
const PEOPLE = ['Priya Raman', 'Jonas Berg', 'Amaka Obi', 'Luis Ortega', 'Mei Chen', 'Sam Doyle'];
const UNITS = ['%', 's', 'min', 'tickets', 'NPS', 'orders'];
const STAGE_NAMES = ['Discover', 'Research', 'Compare', 'Decide', 'Buy', 'Onboard', 'Use', 'Get help', 'Renew', 'Recommend', 'Return', 'Upgrade'];
const STEP_NAMES = [
  'Realises there is a need',
  'Searches the web',
  'Reads reviews',
  'Asks friends for advice',
  'Shortlists options',
  'Visits a store',
  'Configures the order',
  'Creates an account',
  'Pays',
  'Receives confirmation',
  'Waits for delivery',
  'Sets it up',
  'Contacts support',
  'Gets a refund',
  'Leaves a review',
];
const PERSONA_NAMES = ['Maya, first-home researcher', 'Tom, time-poor replacer', 'Ines, small-business owner', 'Ravi, accessibility-first user', 'Olga, loyal regular', 'Ken, price hunter'];

function sentence(r: Rng, min: number, max: number): string {
  let s = `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}`;
  const tail = r.pick(TAILS);
  if (tail) s += ` ${tail}`;
  while (s.length < min) s += `; then ${r.pick(VERBS)} ${r.pick(OBJECTS)}`;
  if (s.length > max) s = s.slice(0, s.lastIndexOf(' ', max - 1)).replace(/[;,]$/, '');
  return `${s}.`;
}

/** Lane plan: the first nine slots cover every lane type; later slots add persona-specific lanes. */
function lanePlan(count: number, personas: Persona[]): Lane[] {
  const base: LaneType[] = ['actions', 'thoughts', 'touchpoints', 'emotion', 'painPoints', 'opportunities', 'backstage', 'metrics', 'text'];
  const extra: LaneType[] = ['thoughts', 'actions', 'painPoints', 'touchpoints', 'opportunities', 'thoughts'];
  const labels: Record<LaneType, string> = {
    actions: 'Doing',
    thoughts: 'Thinking',
    touchpoints: 'Touchpoints',
    emotion: 'How it feels',
    painPoints: 'Pain points',
    opportunities: 'Opportunities',
    backstage: 'Behind the scenes',
    metrics: 'Measures',
    text: 'Notes',
  };
  const lanes: Lane[] = [];
  for (let i = 0; i < count; i++) {
    const type = i < base.length ? (base[i] as LaneType) : (extra[(i - base.length) % extra.length] as LaneType);
    // Extra lanes belong to a persona (the second, third, … in turn), as "Tom is thinking" does.
    const persona = i >= base.length && personas.length > 1 ? personas[1 + ((i - base.length) % (personas.length - 1))] : undefined;
    lanes.push({
      id: `l-${i + 1}-${type.toLowerCase()}`,
      type,
      label: persona ? `${persona.name.split(',')[0]}: ${labels[type].toLowerCase()}` : labels[type],
      ...(persona ? { personaId: persona.id } : {}),
    });
  }
  return lanes;
}

export function generateJourney(options: GenerateOptions): Journey {
  const { stages: stageCount, stepsPerStage, lanes: laneCount, personas: personaCount, curvesPerPersona, cards: cardCount } = options;
  const r = rng(options.seed ?? 1);
  const totalSteps = stageCount * stepsPerStage;
  if (totalSteps > LIMITS.steps) throw new Error(`generateJourney: ${totalSteps} steps; the limit is ${LIMITS.steps}`);
  if (curvesPerPersona > LIMITS.curvesPerPersona) throw new Error(`generateJourney: at most ${LIMITS.curvesPerPersona} curves per persona`);

  // Evidence: about one item per 15 cards, every kind and confidence.
  const evidence: Evidence[] = [];
  const evidenceCount = Math.max(4, Math.min(LIMITS.evidence, Math.round(cardCount / 15)));
  for (let i = 0; i < evidenceCount; i++) {
    const kind = EVIDENCE_KINDS[i % EVIDENCE_KINDS.length] ?? 'quote';
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    evidence.push({
      id: `ev-${i + 1}`,
      kind,
      source: kind === 'quote' || kind === 'interview' ? `Customer interview P${String(i + 1).padStart(2, '0')}` : kind === 'survey' ? `Post-purchase survey, wave ${1 + (i % 4)}` : kind === 'analytics' ? 'Web analytics, checkout funnel' : kind === 'ticket' ? `Support ticket sample #${1000 + i}` : 'Competitor teardown',
      confidence: CONFIDENCE_LEVELS[i % CONFIDENCE_LEVELS.length] ?? 'observed',
      ...(kind === 'link' || kind === 'analytics' ? { url: `https://research.example.com/evidence/${i + 1}` } : {}),
      ...(kind === 'quote' ? { quote: r.pick(THOUGHTS) } : {}),
      date: `2026-${month}-${day}`,
    });
  }
  const someEvidence = (max: number) => {
    const n = r.int(1, max);
    const ids = new Set<string>();
    for (let k = 0; k < n; k++) ids.add((evidence[r.int(0, evidence.length - 1)] as Evidence).id);
    return [...ids];
  };

  const personas: Persona[] = [];
  for (let i = 0; i < personaCount; i++) {
    personas.push({
      id: `p-${i + 1}`,
      name: PERSONA_NAMES[i % PERSONA_NAMES.length] + (i >= PERSONA_NAMES.length ? ` ${i + 1}` : ''),
      segment: `Segment ${String.fromCharCode(65 + (i % 26))}, ${25 + 10 * (i % 4)}-${34 + 10 * (i % 4)}`,
      summary: sentence(r, 120, 220),
      goals: [sentence(r, 30, 80), sentence(r, 30, 80), sentence(r, 30, 80)],
      frustrations: [r.pick(PAIN), r.pick(PAIN)],
      quote: r.pick(THOUGHTS),
      evidence: someEvidence(2),
    });
  }

  const stages: Stage[] = [];
  const stepIds: string[] = [];
  for (let s = 0; s < stageCount; s++) {
    const phase = FUNNEL_PHASES[s % FUNNEL_PHASES.length] ?? 'awareness';
    const steps = [];
    for (let k = 0; k < stepsPerStage; k++) {
      const id = `s-${s + 1}-${k + 1}`;
      stepIds.push(id);
      steps.push({ id, name: r.pick(STEP_NAMES), ...(r.chance(0.5) ? { description: sentence(r, 30, 70) } : {}) });
    }
    const metrics = Array.from({ length: r.int(0, 2) }, (_, m) => ({
      id: `m-${s + 1}-${m + 1}`,
      name: r.pick(['Conversion', 'Drop-off', 'Contacts per order', 'Time on task', 'Satisfaction']),
      value: r.int(1, 90),
      target: r.int(50, 100),
      unit: r.pick(UNITS),
    }));
    stages.push({
      id: `st-${s + 1}`,
      name: `${STAGE_NAMES[s % STAGE_NAMES.length]}${s >= STAGE_NAMES.length ? ` ${Math.floor(s / STAGE_NAMES.length) + 1}` : ''}`,
      phase,
      ...(phase === 'custom' ? { customPhase: 'Fulfilment' } : {}),
      description: sentence(r, 40, 100),
      owner: r.pick(OWNERS),
      metrics,
      steps,
    });
  }

  const lanes = lanePlan(laneCount, personas);
  const cardLanes = lanes.filter((l) => l.type !== 'emotion');
  if (!cardLanes.length && cardCount) throw new Error('generateJourney: no lane can hold cards');

  // Cards fill the grid cell by cell (lane-major within a step), then go round again, so every
  // cell holds one or two cards and the layout grows evenly with the card count.
  const cards: Card[] = [];
  const cells = cardLanes.length * totalSteps;
  for (let i = 0; i < cardCount; i++) {
    const cell = i % cells;
    const lane = cardLanes[cell % cardLanes.length] as Lane;
    const stepId = stepIds[Math.floor(cell / cardLanes.length)] as string;
    const card: Card = { id: `c-${i + 1}`, laneId: lane.id, stepId, text: '', evidence: [] };
    switch (lane.type) {
      case 'actions':
        card.text = sentence(r, 50, 140);
        break;
      case 'thoughts':
        card.text = r.pick(THOUGHTS);
        break;
      case 'touchpoints':
        card.channel = CHANNELS[r.int(0, CHANNELS.length - 1)];
        card.text = sentence(r, 25, 70);
        break;
      case 'painPoints':
        card.text = `${r.pick(PAIN)}.`;
        card.owner = r.pick(OWNERS);
        card.priority = PRIORITIES[r.int(0, PRIORITIES.length - 1)];
        card.status = WORK_STATUSES[r.int(0, WORK_STATUSES.length - 1)];
        if (r.chance(0.5)) {
          card.effort = r.int(1, 5);
          card.value = r.int(1, 5);
        }
        break;
      case 'opportunities':
        card.text = `${r.pick(OPPS)}.`;
        card.owner = r.pick(PEOPLE);
        card.priority = PRIORITIES[r.int(0, PRIORITIES.length - 1)];
        card.status = WORK_STATUSES[r.int(0, WORK_STATUSES.length - 1)];
        card.effort = r.int(1, 5);
        card.value = r.int(1, 5);
        break;
      case 'backstage':
        card.text = `${r.pick(BACKSTAGE)}.`;
        card.owner = r.pick(OWNERS);
        break;
      case 'metrics': {
        const unit = r.pick(UNITS);
        card.text = `${r.pick(['Completion rate', 'Average handling time', 'Drop-off at this step', 'Contacts per 100 orders'])}`;
        card.metric = r.chance(0.8) ? { value: r.int(1, 95), target: r.int(40, 100), unit } : { value: r.int(1, 95), unit };
        break;
      }
      default:
        card.text = sentence(r, 60, 200);
        if (r.chance(0.3)) card.note = r.pick(NOTES);
    }
    if (lane.type !== 'thoughts' && r.chance(0.3)) card.evidence = someEvidence(3);
    cards.push(card);
  }

  const scale = { min: -2, max: 2 };
  const curves: Curve[] = [];
  for (const persona of personas) {
    for (let c = 0; c < curvesPerPersona; c++) {
      const kind = c === 0 ? 'as-is' : c === 1 ? 'to-be' : 'other';
      let value = r.int(scale.min, scale.max);
      curves.push({
        id: `cv-${persona.id}-${c + 1}`,
        personaId: persona.id,
        name: kind === 'as-is' ? 'Today' : kind === 'to-be' ? 'After the fixes' : `Variant ${c + 1}`,
        kind,
        points: stepIds.map((stepId, k) => {
          // A random walk on the scale; to-be curves sit a little higher.
          value = Math.max(scale.min, Math.min(scale.max, value + r.int(-1, 1) + (kind === 'to-be' && r.chance(0.2) ? 1 : 0)));
          return { stepId, value, ...(k % 7 === 3 ? { note: r.pick(THOUGHTS).slice(0, 60) } : {}) };
        }),
      });
    }
  }

  // Links: a loop or branch every few steps, and a pain point -> opportunity "addressed by" link
  // in cells where both exist.
  const links: Link[] = [];
  for (let k = 3; k + 2 < stepIds.length && links.length < LIMITS.links; k += 4) {
    const loop = k % 8 === 3;
    links.push({ id: `ln-s-${k}`, from: stepIds[k] as string, to: stepIds[loop ? k - 2 : k + 2] as string, kind: loop ? 'loop' : 'branch', label: loop ? 'Goes back to compare again' : 'Skips ahead in store' });
  }
  const painByStep = new Map<string, string>();
  for (const c of cards) if (lanes.find((l) => l.id === c.laneId)?.type === 'painPoints' && !painByStep.has(c.stepId)) painByStep.set(c.stepId, c.id);
  for (const c of cards) {
    if (links.length >= Math.min(LIMITS.links, Math.round(cardCount / 20) + stepIds.length / 4)) break;
    const pain = painByStep.get(c.stepId);
    if (pain && lanes.find((l) => l.id === c.laneId)?.type === 'opportunities') {
      links.push({ id: `ln-${pain}-${c.id}`, from: pain, to: c.id, kind: 'flow', label: 'Addressed by' });
      painByStep.delete(c.stepId);
    }
  }

  const input: JourneyInput = {
    id: `bench-${stageCount}x${stepsPerStage}-${cardCount}`,
    title: `Benchmark journey: ${totalSteps} steps, ${cardCount} cards`,
    description: sentence(r, 150, 300),
    objective: 'Measure how Journey Mapper draws, updates and syncs a map of this size.',
    owner: 'Journey Mapper benchmark',
    status: 'in-research',
    updated: '2026-10-14',
    tags: ['benchmark', 'generated'],
    emotionScale: {
      min: scale.min,
      max: scale.max,
      labels: [
        { value: -2, label: 'Very negative' },
        { value: 0, label: 'Neutral' },
        { value: 2, label: 'Very positive' },
      ],
    },
    personas,
    stages,
    lanes,
    cards,
    curves,
    links,
    evidence,
  };
  const valid = validateJourney(input);
  if (!valid.ok) throw new Error(`generateJourney made an invalid journey:\n${valid.error.slice(0, 10).map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return valid.value;
}

/** The lane types a generated journey uses, for checks. */
export const ALL_LANE_TYPES = LANE_TYPES;

export interface BenchSize {
  name: string;
  options: GenerateOptions;
}

/**
 * The sizes the bench runs. Lanes (12) and personas (4, two curves each) stay fixed; stages,
 * steps and cards grow together at about 16.7 cards per step (1.5 per cell), so XL is the
 * brief's large map: 20 stages, 120 steps, 12 lanes, 2,000 cards.
 */
export const SIZES: readonly BenchSize[] = [
  { name: 'S', options: { stages: 4, stepsPerStage: 3, lanes: 12, personas: 4, curvesPerPersona: 2, cards: 200 } },
  { name: 'M', options: { stages: 8, stepsPerStage: 5, lanes: 12, personas: 4, curvesPerPersona: 2, cards: 667 } },
  { name: 'L', options: { stages: 16, stepsPerStage: 5, lanes: 12, personas: 4, curvesPerPersona: 2, cards: 1333 } },
  { name: 'XL', options: { stages: 20, stepsPerStage: 6, lanes: 12, personas: 4, curvesPerPersona: 2, cards: 2000 } },
];
