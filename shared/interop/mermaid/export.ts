// Journey → Mermaid `journey` text that Mermaid reads with the same meaning: sections are stages,
// tasks steps, actors personas; each persona's as-is curve (else its first) gives the scores 1–5.
// Characters the grammar treats as syntax are written as entity codes (#35; for #), which Mermaid
// shows as the character; line breaks become spaces (Mermaid's journey draws "<br>" literally).
// `lost` lists in plain words what Mermaid cannot carry. test/interop/mermaid-real.test.ts parses
// every export with the real mermaid package and compares sections, tasks, scores and actors.
import { DEFAULT_EMOTION_SCALE } from '../../model/schema';
import type { Curve, Journey } from '../../model/types';
import { valueToScore, scoreToValue } from './import';
import { NO_SCORES_MARKER } from './parse';
import { lostDetails, plural } from '../lost';

export interface MermaidExport {
  text: string;
  /** What the Mermaid text could not carry, in plain words. Empty when nothing was lost. */
  lost: string[];
}

const code = (c: string) => `#${c.codePointAt(0)};`;

/** A name on one line, its syntax characters as entity codes (`extra` adds : or , where they matter). */
function encodeName(text: string, extra: RegExp, breaks: { n: number }): string {
  const one = text.trim().replace(/\s*(\r\n|\r|\n)\s*/g, () => (breaks.n++, ' '));
  return one.replace(/[#;%<>&]/g, code).replace(extra, code);
}

/** Description text: # ; % (so "#1;" or "%%" survive), < > & (Mermaid sanitises markup away) and braces as codes. */
function encodeDescription(text: string): string[] {
  const lines = text.trim().split(/\r\n|\r|\n/).map((l) => l.trim().replace(/[#;%{}<>&]/g, code));
  return lines.length > 1 ? ['    accDescr {', ...lines.map((l) => `        ${l}`), '    }'] : [`    accDescr: ${lines[0]}`];
}

/** One curve per persona: the first as-is curve, else the first curve. */
function chosenCurves(j: Journey, lost: string[]): Map<string, Curve> {
  const chosen = new Map<string, Curve>();
  for (const p of j.personas) {
    const mine = j.curves.filter((c) => c.personaId === p.id);
    const pick = mine.find((c) => c.kind === 'as-is') ?? mine[0];
    if (pick) chosen.set(p.id, pick);
    for (const c of mine) if (c !== pick) lost.push(`curve "${c.name}" of ${p.name} (Mermaid has one score per actor and task)`);
    if (!pick) lost.push(`persona ${p.name} (no emotion curve, so not an actor in any task)`);
  }
  const names = new Map<string, number>();
  for (const p of j.personas) names.set(p.name.trim(), (names.get(p.name.trim()) ?? 0) + 1);
  for (const [n, count] of names) if (count > 1) lost.push(`the difference between the ${count} personas called ${n} (Mermaid knows actors by name)`);
  return chosen;
}

interface Counts {
  rounded: number;
  unscored: number;
  breaks: { n: number };
}

function taskLines(j: Journey, chosen: Map<string, Curve>, counts: Counts): string[] {
  const valueAt = new Map<string, Map<string, number>>(); // stepId → personaId → value
  for (const [pid, c] of chosen)
    for (const pt of c.points) valueAt.set(pt.stepId, (valueAt.get(pt.stepId) ?? new Map<string, number>()).set(pid, pt.value));
  const scale = j.emotionScale;
  const out: string[] = [];
  for (const stage of j.stages) {
    out.push(`    section ${encodeName(stage.name, /:/g, counts.breaks) || '#32;'}`);
    for (const step of stage.steps) {
      // A task name starting with a keyword would be read as that statement: hide its first letter.
      const task = (encodeName(step.name, /:/g, counts.breaks) || 'Step').replace(/^(journey|title|section|acctitle|accdescr)/i, (w) => `${code(w)}${w.slice(1)}`);
      const values = valueAt.get(step.id);
      if (!values || values.size === 0) {
        counts.unscored++;
        out.push(`      ${task}: 3`);
        continue;
      }
      // Personas in journey order; a new task line starts whenever the score changes.
      const lines: Array<{ score: number; actors: string[] }> = [];
      for (const p of j.personas) {
        const v = values.get(p.id);
        if (v === undefined) continue;
        const score = valueToScore(v, scale);
        if (scoreToValue(score, scale) !== v) counts.rounded++;
        const actor = encodeName(p.name, /[:,]/g, counts.breaks);
        const last = lines[lines.length - 1];
        if (last && last.score === score) {
          if (!last.actors.includes(actor)) last.actors.push(actor);
        } else lines.push({ score, actors: [actor] });
      }
      for (const l of lines) out.push(`      ${task}: ${l.score}: ${l.actors.join(', ')}`);
    }
  }
  return out;
}

function lostInMermaid(j: Journey, counts: Counts, lost: string[]): void {
  const twins = j.stages.reduce((n, s) => n + s.steps.filter((st, k) => k > 0 && st.name.trim() === s.steps[k - 1]!.name.trim()).length, 0);
  if (twins) lost.push(`the boundary between ${plural(twins, 'pair')} of neighbouring steps with the same name (importing may join them into one step)`);
  if (counts.unscored) lost.push(`emotion for ${plural(counts.unscored, 'step')} without any value (written with score 3 and no actor)`);
  if (counts.rounded) lost.push(`exact emotion values: ${plural(counts.rounded, 'value')} rounded to the nearest Mermaid score 1–5`);
  if (counts.breaks.n) lost.push(`${plural(counts.breaks.n, 'line break')} in names (Mermaid's journey draws names on one line; written as spaces)`);
  const cardLanes = j.lanes.filter((l) => l.type !== 'emotion');
  if (j.cards.length) lost.push(`${plural(j.cards.length, 'card')} (Mermaid has no lanes or cards)`);
  if (cardLanes.length) lost.push(`${plural(cardLanes.length, 'lane')}: ${cardLanes.map((l) => l.label).join(', ')}`);
  lost.push(...lostDetails(j, true));
  const s = j.emotionScale;
  const d = DEFAULT_EMOTION_SCALE;
  if (s.min !== d.min || s.max !== d.max || JSON.stringify(s.labels) !== JSON.stringify(d.labels)) lost.push(`the emotion scale ${s.min}…${s.max} and its labels (Mermaid scores are 1–5)`);
}

/** Writes the journey as a Mermaid `journey` diagram; `lost` lists what Mermaid cannot carry. */
export function exportMermaid(journey: Journey): MermaidExport {
  const j = journey;
  const lost: string[] = [];
  const counts: Counts = { rounded: 0, unscored: 0, breaks: { n: 0 } };
  const out: string[] = ['journey', `    title ${encodeName(j.title, /(?!)/g, counts.breaks)}`];
  if (j.description !== undefined && j.description.trim()) out.push(...encodeDescription(j.description));
  const chosen = chosenCurves(j, lost);
  const noScores = ![...chosen.values()].some((c) => c.points.length > 0);
  if (noScores) out.push(`    ${NO_SCORES_MARKER}`);
  out.push(...taskLines(j, chosen, counts));
  lostInMermaid(j, counts, lost);
  return { text: out.join('\n') + '\n', lost };
}
