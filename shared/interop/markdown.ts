// A Markdown summary of a journey for stakeholders who will not open Figma: objective, owner,
// status and dates, personas, each stage with its steps and emotion low points, tables of pain
// points and opportunities, and a text description of every emotion curve (the accessible
// alternative to the drawn curve).
import { drain, type Steps } from '../steps';
import { LANE_TYPE_TABLE } from '../model/lane-types';
import { LANE_TYPES } from '../model/schema';
import type { Card, Curve, EmotionScale, Journey, Persona } from '../model/types';

/**
 * Raw HTML as entities: Markdown renderers with HTML enabled (GitHub, many wikis) would otherwise
 * run `<script>`, `<img onerror>`, or hide the rest of the document after `<!--`
 * (https://spec.commonmark.org/0.31.2/#raw-html). Entities render as the characters themselves.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes text for a Markdown table cell: raw HTML, pipes, backslashes and line breaks. */
export function tableCell(text: string | undefined): string {
  if (text === undefined || text === '') return '–';
  return escapeHtml(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>')
    .trim();
}

/** Text on one line: line breaks become spaces. */
function oneLine(text: string): string {
  return text.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').trim();
}

/** Text on one line for Markdown (headings, list items, paragraphs): raw HTML and pipes escaped. */
function inline(text: string): string {
  return escapeHtml(oneLine(text)).replace(/\|/g, '\\|');
}

/** "+1", "0", "-2" on scales that go below zero; plain numbers otherwise. */
export function formatValue(value: number, scale: EmotionScale): string {
  const n = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return scale.min < 0 && value > 0 ? `+${n}` : n;
}

/** The scale's label for a value, when one is defined for exactly that value. */
function labelOf(value: number, scale: EmotionScale): string | undefined {
  return scale.labels.find((l) => l.value === value)?.label;
}

/** A word for a value: its label in lower case, else negative / neutral / positive around the middle. */
function moodWord(value: number, scale: EmotionScale): string {
  const label = labelOf(value, scale);
  if (label) return label.toLowerCase();
  const mid = (scale.min + scale.max) / 2;
  return value < mid ? 'negative' : value > mid ? 'positive' : 'neutral';
}

const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

interface OrderedPoint {
  stepName: string;
  value: number;
  order: number;
}

function orderedPoints(j: Journey, curve: Curve): OrderedPoint[] {
  const order = new Map<string, { name: string; order: number }>();
  let k = 0;
  for (const s of j.stages) for (const st of s.steps) order.set(st.id, { name: oneLine(st.name), order: k++ });
  return curve.points
    .flatMap((p) => {
      const o = order.get(p.stepId);
      return o ? [{ stepName: o.name, value: p.value, order: o.order }] : [];
    })
    .sort((a, b) => a.order - b.order);
}

/**
 * One sentence describing an emotion curve, e.g. "Anna's as-is curve starts neutral at Browse (0),
 * drops to its lowest at Delivery (-2, Very negative), and ends positive at Review (+1)."
 */
export function describeCurve(journey: Journey, curve: Curve): string {
  const scale = journey.emotionScale;
  const persona = journey.personas.find((p) => p.id === curve.personaId);
  const who = `${possessive(oneLine(persona?.name ?? 'Unknown persona'))} ${oneLine(curve.name).toLowerCase() || 'emotion'} curve`;
  const pts = orderedPoints(journey, curve);
  const at = (p: OrderedPoint, withLabel = false) => {
    const label = withLabel ? labelOf(p.value, scale) : undefined;
    return `${p.stepName} (${formatValue(p.value, scale)}${label ? `, ${label}` : ''})`;
  };
  if (pts.length === 0) return `${who} has no values yet.`;
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  if (pts.length === 1) return `${who} has one value: ${moodWord(first.value, scale)} at ${at(first)}.`;
  const minV = Math.min(...pts.map((p) => p.value));
  const maxV = Math.max(...pts.map((p) => p.value));
  if (minV === maxV) return `${who} stays ${moodWord(minV, scale)} (${formatValue(minV, scale)}) from ${first.stepName} to ${last.stepName}.`;
  const low = pts.find((p) => p.value === minV)!;
  const high = pts.find((p) => p.value === maxV)!;
  const parts = [`starts ${moodWord(first.value, scale)} at ${at(first)}`];
  const middle: OrderedPoint[] = [];
  if (low !== first && low !== last && low.value < first.value) middle.push(low);
  if (high !== first && high !== last && high.value > first.value) middle.push(high);
  middle.sort((a, b) => a.order - b.order);
  for (const p of middle)
    parts.push(p === low ? `drops to its lowest at ${at(p, true)}` : `rises to its highest at ${at(p, true)}`);
  parts.push(`ends ${moodWord(last.value, scale)} at ${at(last)}`);
  const sentence = parts.length > 2 ? `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}` : parts.join(' and ');
  return `${who} ${sentence}.`;
}

function cardTable(j: Journey, cards: Card[]): string[] {
  if (cards.length === 0) return ['None recorded.'];
  const stepInfo = new Map<string, { stage: string; step: string }>();
  for (const s of j.stages) for (const st of s.steps) stepInfo.set(st.id, { stage: s.name, step: st.name });
  const rows = ['| Stage | Step | Item | Owner | Priority | Status |', '| --- | --- | --- | --- | --- | --- |'];
  for (const c of cards) {
    const where = stepInfo.get(c.stepId);
    rows.push(
      `| ${tableCell(where?.stage)} | ${tableCell(where?.step)} | ${tableCell(c.text)} | ${tableCell(c.owner)} | ${tableCell(c.priority)} | ${tableCell(c.status)} |`,
    );
  }
  return rows;
}

function personaLine(p: Persona): string {
  const bits = [`**${inline(p.name)}**`];
  if (p.segment) bits.push(`(${inline(p.segment)})`);
  let line = `- ${bits.join(' ')}`;
  if (p.summary) line += `: ${inline(p.summary)}`;
  return line;
}

/** Each step's emotion values below the middle of the scale, as "Persona (curve): value, label". */
function emotionLows(j: Journey): Map<string, string[]> {
  const scale = j.emotionScale;
  const mid = (scale.min + scale.max) / 2;
  const personaName = new Map(j.personas.map((p) => [p.id, inline(p.name)]));
  const lowsByStep = new Map<string, string[]>();
  for (const c of j.curves)
    for (const p of c.points)
      if (p.value < mid) {
        const label = labelOf(p.value, scale);
        const list = lowsByStep.get(p.stepId) ?? [];
        list.push(`${personaName.get(c.personaId) ?? c.personaId} (${inline(c.name).toLowerCase()}): ${formatValue(p.value, scale)}${label ? `, ${inline(label)}` : ''}`);
        lowsByStep.set(p.stepId, list);
      }
  return lowsByStep;
}

/** A stakeholder summary of the journey in Markdown (GitHub-flavoured tables). */
export const toMarkdownSummary = (journey: Journey): string => drain(toMarkdownSummarySteps(journey));

/** toMarkdownSummary in steps: it pauses after each stage and each section (the text view of a large map). */
export function* toMarkdownSummarySteps(journey: Journey): Steps<string> {
  const j = journey;
  const out: string[] = [`# ${inline(j.title)}`, ''];
  if (j.description) out.push(inline(j.description), '');
  const facts: string[] = [];
  if (j.objective) facts.push(`- **Objective:** ${inline(j.objective)}`);
  facts.push(`- **Owner:** ${j.owner ? inline(j.owner) : 'not set'}`);
  facts.push(`- **Status:** ${j.status}`);
  if (j.updated) facts.push(`- **Updated:** ${j.updated}`);
  if (j.reviewBy) facts.push(`- **Review by:** ${j.reviewBy}`);
  if (j.tags.length) facts.push(`- **Tags:** ${j.tags.map(inline).join(', ')}`);
  out.push(...facts, '');

  out.push('## Personas', '');
  if (j.personas.length === 0) out.push('No personas defined.', '');
  else out.push(...j.personas.map(personaLine), '');

  const scale = j.emotionScale;
  const lowsByStep = emotionLows(j);

  out.push('## Stages', '');
  for (const s of j.stages) {
    out.push(`### ${inline(s.name)}`, '');
    const meta: string[] = [];
    if (s.phase) meta.push(`Phase: ${s.phase === 'custom' && s.customPhase ? inline(s.customPhase) : s.phase}`);
    if (s.owner) meta.push(`Owner: ${inline(s.owner)}`);
    if (meta.length) out.push(meta.join(' · '), '');
    if (s.description) out.push(inline(s.description), '');
    out.push('Steps:', '');
    s.steps.forEach((st, i) => out.push(`${i + 1}. ${inline(st.name)}${st.description ? ` – ${inline(st.description)}` : ''}`));
    out.push('');
    const lows = s.steps.flatMap((st) => (lowsByStep.get(st.id) ?? []).map((l) => `- ${inline(st.name)}: ${l}`));
    if (lows.length) out.push('Emotion low points:', '', ...lows, '');
    yield;
  }

  const laneType = new Map(j.lanes.map((l) => [l.id, l.type]));
  for (const type of LANE_TYPES) {
    const section = LANE_TYPE_TABLE[type].markdownSection;
    if (!section) continue;
    out.push(`## ${section}`, '', ...cardTable(j, j.cards.filter((c) => laneType.get(c.laneId) === type)), '');
    yield;
  }

  out.push('## Emotion curves', '');
  if (j.curves.length === 0) out.push('No emotion curves recorded.', '');
  else {
    const labels = scale.labels.length ? ` (${[...scale.labels].sort((a, b) => a.value - b.value).map((l) => `${formatValue(l.value, scale)} ${inline(l.label)}`).join(', ')})` : '';
    out.push(`Scale: ${scale.min} to ${scale.max}${labels}.`, '');
    for (const c of j.curves) out.push(`- ${inline(describeCurve(j, c))}`);
    out.push('');
  }
  return out.join('\n');
}
