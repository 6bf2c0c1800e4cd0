// The panel's only door to import/export formats. shared/interop (JSON/CSV/Mermaid) is being
// written in parallel; until its index lands, this module carries a small stand-in with the same
// names and signatures so the rest of the panel is finished and tested.
// TODO(lead): replace the body with `export { importJourneyText, toCsv, toMermaid, toMarkdownSummary } from '../../shared/interop';`
import { loadJourneyText, type Journey } from '../../shared/model';
import { err, type Problem, type Result } from '../../shared/result';

export const INTEROP_STANDIN = true;

export function importJourneyText(text: string, fileName?: string): Result<Journey, Problem[]> {
  const trimmed = text.trim();
  const looksJson = trimmed.startsWith('{') || /\.json$/i.test(fileName ?? '');
  if (!looksJson) return err([{ path: '', message: 'CSV and Mermaid import are not in this build yet; paste Journey Mapper JSON' }]);
  const r = loadJourneyText(text);
  return r.ok ? { ok: true, value: r.value.journey } : r;
}

const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(j: Journey): string {
  const stepOf = new Map(j.stages.flatMap((s) => s.steps.map((st) => [st.id, { stage: s.name, step: st.name }] as const)));
  const laneOf = new Map(j.lanes.map((l) => [l.id, l]));
  const rows = [['record', 'id', 'stage', 'step', 'lane', 'lane_type', 'text', 'owner', 'priority', 'status']];
  for (const c of j.cards) {
    const at = stepOf.get(c.stepId);
    const lane = laneOf.get(c.laneId);
    rows.push(['card', c.id, at?.stage ?? '', at?.step ?? '', lane?.label ?? '', lane?.type ?? '', c.text, c.owner ?? '', c.priority ?? '', c.status ?? '']);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function toMermaid(j: Journey): { text: string; lost: string[] } {
  const { min, max } = j.emotionScale;
  const curve = j.curves[0];
  const persona = j.personas.find((p) => p.id === curve?.personaId);
  const lines = ['journey', `  title ${j.title.replace(/\n/g, ' ')}`];
  for (const s of j.stages) {
    lines.push(`  section ${s.name.replace(/[:\n]/g, ' ')}`);
    for (const st of s.steps) {
      const v = curve?.points.find((p) => p.stepId === st.id)?.value;
      const score = v === undefined ? 3 : Math.round(1 + ((v - min) / (max - min || 1)) * 4);
      lines.push(`    ${st.name.replace(/[:\n]/g, ' ')}: ${score}${persona ? `: ${persona.name.replace(/[:,\n]/g, ' ')}` : ''}`);
    }
  }
  const lost = ['lanes and cards', 'evidence', 'links'];
  if (j.curves.length > 1) lost.push('emotion curves after the first');
  return { text: lines.join('\n') + '\n', lost };
}

export function toMarkdownSummary(j: Journey): string {
  const out = [`# ${j.title}`, ''];
  if (j.description) out.push(j.description, '');
  if (j.objective) out.push(`**Objective:** ${j.objective}`, '');
  for (const s of j.stages) {
    out.push(`## ${s.name}`, '');
    for (const st of s.steps) out.push(`- ${st.name}`);
    out.push('');
  }
  return out.join('\n');
}
