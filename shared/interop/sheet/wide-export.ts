// Journey → the wide grid: stage names across the first row, step names across the second, one
// row per lane with the cards of each step in its cell (separated by a blank line), one row of
// numbers per emotion curve. It holds the map's shape and words, not every field: `lost` says what.
import { DEFAULT_EMOTION_SCALE } from '../../model/schema';
import type { Journey } from '../../model/types';
import { escapeCell } from '../escape';
import { scaleText } from '../scale';
import { lostDetails, plural } from '../lost';

export interface WideExport<T> {
  data: T;
  /** What the wide grid cannot hold, in plain words. */
  lost: string[];
}


function lostFields(j: Journey, splitTexts: number): string[] {
  const lost: string[] = [];
  const cardFields = j.cards.filter((c) => c.owner || c.priority || c.status || c.channel || c.effort || c.value || c.metric || c.note || c.evidence.length).length;
  if (cardFields) lost.push(`card details (owner, priority, status…) of ${plural(cardFields, 'card')}`);
  if (splitTexts) lost.push(`blank lines in ${plural(splitTexts, 'card text')} (a blank line separates cards)`);
  lost.push(...lostDetails(j, false));
  if (j.lanes.some((l) => l.personaId || l.hidden)) lost.push('which lanes are hidden or belong to one persona');
  if (j.emotionScale.labels.length && JSON.stringify(j.emotionScale.labels) !== JSON.stringify(DEFAULT_EMOTION_SCALE.labels)) lost.push('the emotion scale labels');
  const names = j.personas.map((p) => p.name.trim().toLowerCase());
  if (new Set(names).size < names.length) lost.push('which of the personas with the same name a curve belongs to');
  lost.push('ids (re-importing derives new ones from names)');
  return lost;
}

function curveRows(j: Journey, steps: string[], num: (n: number) => string): string[][] {
  const s = j.emotionScale;
  const hint = s.min === DEFAULT_EMOTION_SCALE.min && s.max === DEFAULT_EMOTION_SCALE.max ? '' : ` (${scaleText(s)})`;
  const used = new Map<string, number>();
  const clean = (t: string) => t.replace(/[·|,\r\n\u2028\u2029\u0085]/g, ' ').trim(); // a label is one line
  return j.curves.map((c) => {
    const persona = clean(j.personas.find((p) => p.id === c.personaId)?.name ?? c.personaId);
    // The import reads "Emotion · persona · curve" (curve As-is when left out); rows it would read
    // as the same curve get a number, so no value is lost.
    let curve = c.kind === 'as-is' && c.name === 'As-is' ? '' : clean(c.name);
    const key = `${persona.toLowerCase()}\u0000${(curve || 'As-is').toLowerCase()}`;
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    if (n > 1) curve = `${curve || 'As-is'} ${n}`;
    const label = `Emotion · ${persona}${curve ? ` · ${curve}` : ''}${hint}`;
    const at = new Map(c.points.map((p) => [p.stepId, p.value]));
    return [escapeCell(label), ...steps.map((id) => (at.has(id) ? num(at.get(id)!) : ''))];
  });
}

/** The journey as wide-grid rows. */
export function wideRows(journey: Journey, decimalComma = false): WideExport<string[][]> {
  const j = journey;
  const num = (n: number) => (decimalComma ? String(n).replace('.', ',') : String(n));
  const steps = j.stages.flatMap((s) => s.steps.map((st) => st.id));
  const stageRow = [escapeCell(j.title), ...j.stages.flatMap((s) => s.steps.map((_, k) => (k === 0 ? escapeCell(s.name) : '')))];
  const stepRow = ['Steps', ...j.stages.flatMap((s) => s.steps.map((st) => escapeCell(st.name)))];
  const rows = [stageRow, stepRow];
  let splitTexts = 0;
  let curvesWritten = false;
  for (const lane of j.lanes) {
    if (lane.type === 'emotion') {
      if (!curvesWritten) rows.push(...curveRows(j, steps, num));
      curvesWritten = true;
      continue;
    }
    const cells = steps.map((id) => {
      const texts = j.cards.filter((c) => c.laneId === lane.id && c.stepId === id).map((c) => {
        const t = c.text.trim().replace(/\n[ \t]*(\r?\n[ \t]*)+/g, '\n');
        if (t !== c.text.trim()) splitTexts++;
        return t;
      });
      return escapeCell(texts.join('\n\n'));
    });
    rows.push([escapeCell(lane.label), ...cells]);
  }
  if (!curvesWritten) rows.push(...curveRows(j, steps, num));
  return { data: rows, lost: lostFields(j, splitTexts) };
}
