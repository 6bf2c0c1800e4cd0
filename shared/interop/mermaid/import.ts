// A parsed Mermaid journey → a validated journey. Sections are stages, tasks steps, actors
// personas (each with one "As-is" curve). Scores 1–5 map linearly onto the journey's emotion
// scale (whole numbers, halves up); scores outside 1–5 are read on the smallest common scale that
// holds them all (1–7, 1–10, 0–100…) and mapped the same way as sheets, with one note.
import { DEFAULT_EMOTION_SCALE } from '../../model/schema';
import { LIMITS } from '../../model/limits';
import type { Curve, EmotionScale, Journey, Lane, Persona, Stage } from '../../model/types';
import { validateJourney } from '../../model/validate';
import { err, type Problem, type Result } from '../../result';
import { IdAllocator, slug } from '../ids';
import { ReportNotes } from '../report';
import { checkInputSize } from '../size';
import { COMMON_SCALES, describeMapping, mapValue, type SourceScale } from '../scale';
import { parseDiagram, type Diagram, type Task } from './parse';

export interface MermaidImportOptions {
  /** Emotion scale the scores are mapped onto (default −2…+2 with its labels). */
  scale?: EmotionScale;
  /** Title when the diagram has none (e.g. the file name). */
  fallbackTitle?: string;
  /** Collects what the import changed or left out (the import report). */
  notes?: ReportNotes;
}

const roundHalfUp = (x: number): number => {
  const r = Math.floor(x + 0.5);
  return r === 0 ? 0 : r;
};

/** A Mermaid score (1–5; 0 reads as 1) as a value on the scale. */
export function scoreToValue(score: number, scale: EmotionScale): number {
  const s = Math.min(5, Math.max(1, score));
  const v = roundHalfUp(scale.min + ((s - 1) * (scale.max - scale.min)) / 4);
  return Math.min(scale.max, Math.max(scale.min, v));
}

/** A value on the scale as a Mermaid score 1–5. */
export function valueToScore(value: number, scale: EmotionScale): number {
  const span = scale.max - scale.min;
  if (span <= 0) return 3;
  return Math.min(5, Math.max(1, roundHalfUp(1 + ((value - scale.min) * 4) / span)));
}

/**
 * When the input is Markdown (its first word is not `journey`, `---` or a `%%` comment), the text
 * of its first fenced ```mermaid block that holds a journey, with the lines before it blanked.
 */
function fromMarkdownFence(text: string): string {
  const first = /^\s*(\S+)/.exec(text.slice(0, 1000))?.[1] ?? '';
  if (/^(\ufeff)?(journey|---|%%)/i.test(first)) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})[ \t]*mermaid\b/.exec(lines[i]!);
    if (!open) continue;
    let k = i + 1;
    while (k < lines.length && !(lines[k]!.trim().startsWith(open[1]!) && lines[k]!.trim().replace(/[`~]/g, '') === '')) k++;
    const body = lines.slice(i + 1, k).join('\n');
    if (/^\s*journey\b/im.test(body)) return '\n'.repeat(i + 1) + body;
    i = k;
  }
  return text;
}

/** How scores become values: 1–5 (0 reads as 1) as Mermaid draws them, else a detected scale. */
function scoreMapping(d: Diagram, scale: EmotionScale, notes: ReportNotes): (score: number) => number {
  const scores = d.sections.flatMap((s) => s.tasks.flatMap((t) => (t.score === undefined ? [] : [t.score])));
  if (scores.every((s) => s >= 0 && s <= 5)) return (s) => scoreToValue(s, scale);
  const from: SourceScale | undefined = COMMON_SCALES.find((c) => c.min >= -10 && scores.every((s) => s >= c.min && s <= c.max));
  if (!from) {
    notes.change(`scores range from ${Math.min(...scores)} to ${Math.max(...scores)}, beyond every common scale; they were clamped to 1–5`);
    return (s) => scoreToValue(s, scale);
  }
  notes.change(`the scores are ${describeMapping(from, scale)}; Mermaid scores are usually 1–5`);
  return (s) => mapValue(s, from, scale);
}

interface Builder {
  ids: IdAllocator;
  personas: Persona[];
  personaIds: Map<string, string | null>;
  points: Map<string, Array<{ stepId: string; value: number }>>;
  notes: ReportNotes;
}

/** The persona id of an actor; null once the persona limit is reached (reported once per actor). */
function personaOf(b: Builder, name: string, line: number): string | null {
  let id = b.personaIds.get(name);
  if (id !== undefined) return id;
  if (b.personas.length >= LIMITS.personas) {
    b.notes.skip(`actor ${JSON.stringify(name)} was not imported: a journey has at most ${LIMITS.personas} personas, so this actor's scores are left out`, { path: `line ${line}`, line });
    id = null;
  } else {
    id = b.ids.derive(`persona-${slug(name)}`);
    b.personas.push({ id, name: name.slice(0, 200), goals: [], frustrations: [], evidence: [] });
  }
  b.personaIds.set(name, id);
  return id;
}

function addScores(b: Builder, t: Task, stepId: string, actors: string[], toValue: (s: number) => number): void {
  if (t.score === undefined) return;
  for (const a of actors) {
    const pid = personaOf(b, a, t.line);
    if (pid === null) continue;
    const list = b.points.get(pid) ?? [];
    list.push({ stepId, value: toValue(t.score) });
    b.points.set(pid, list);
  }
}

function buildStages(d: Diagram, b: Builder, toValue: (s: number) => number): Stage[] {
  const anyActors = d.sections.some((s) => s.tasks.some((t) => t.actors.length > 0));
  const everyone = !anyActors && !d.noScores;
  const actorless: number[] = [];
  const stages = d.sections.map((section) => {
    const stage: Stage = { id: b.ids.derive(`stage-${slug(section.name)}`), name: section.name.slice(0, 200), metrics: [], steps: [] };
    let last: { name: string; id: string; actors: Set<string> } | undefined;
    for (const t of section.tasks) {
      const actors = t.actors.length ? t.actors : everyone ? ['Everyone'] : [];
      if (!t.actors.length && anyActors && t.score !== undefined) actorless.push(t.line);
      let stepId: string;
      if (last && last.name === t.name && actors.length && actors.every((a) => !last!.actors.has(a))) {
        stepId = last.id;
        actors.forEach((a) => last!.actors.add(a));
      } else {
        stepId = b.ids.derive(`step-${slug(section.name)}.${slug(t.name)}`);
        stage.steps.push({ id: stepId, name: t.name.slice(0, 200) });
        last = { name: t.name, id: stepId, actors: new Set(actors) };
      }
      addScores(b, t, stepId, actors, toValue);
    }
    if (stage.steps.length === 0) stage.steps.push({ id: b.ids.derive(`step-${slug(section.name)}.${slug(section.name)}`), name: stage.name });
    return stage;
  });
  if (everyone && b.personaIds.has('Everyone')) b.notes.change('the diagram names no actors, so its scores belong to a persona called "Everyone"');
  if (actorless.length) b.notes.skip(`${actorless.length} tasks have a score but no actor; emotion belongs to a persona, so those scores were not imported`, { path: `line ${actorless.join(', ')}`, line: actorless[0]! });
  return stages;
}

/** Builds and validates the journey; model problems are mapped back to lines where possible. */
function build(d: Diagram, title: string, scale: EmotionScale, notes: ReportNotes): Result<Journey, Problem[]> {
  const b: Builder = { ids: new IdAllocator(), personas: [], personaIds: new Map(), points: new Map(), notes };
  const stages = buildStages(d, b, scoreMapping(d, scale, notes));
  const curves: Curve[] = b.personas.map((persona) => ({
    id: b.ids.derive(`curve-${slug(persona.name, 20)}-as-is`),
    personaId: persona.id,
    name: 'As-is',
    kind: 'as-is',
    points: b.points.get(persona.id) ?? [],
  }));
  const lanes: Lane[] = b.personas.length ? [{ id: b.ids.derive('lane-emotion'), type: 'emotion', label: 'Emotion' }] : [];
  const journey: Record<string, unknown> = { id: b.ids.derive(`journey-${slug(title)}`), title: title.slice(0, 200), emotionScale: scale, personas: b.personas, stages, lanes, curves };
  if (d.accDescr) journey.description = d.accDescr;
  const valid = validateJourney(journey);
  if (valid.ok) return valid;
  return err(
    valid.error.map((pr) => {
      const m = /^stages\[(\d+)\]/.exec(pr.path);
      const section = m ? d.sections[Number(m[1])] : undefined;
      return section ? { path: `line ${section.line}`, message: pr.message, line: section.line } : pr;
    }),
  );
}

/**
 * Reads a Mermaid `journey` diagram (or a Markdown file's first ```mermaid journey block) into a
 * validated journey, or returns every problem with its line and column. Never throws.
 */
export function importMermaid(input: string, options: MermaidImportOptions = {}): Result<Journey, Problem[]> {
  try {
    const tooBig = checkInputSize(input);
    if (tooBig) return err([tooBig]);
    const notes = options.notes ?? new ReportNotes();
    const { diagram, problems } = parseDiagram(fromMarkdownFence(input), notes);
    if (problems.length) return err(problems);
    if (diagram.sections.length === 0) return err([{ path: '', message: 'has no sections or tasks; add "section Name" and tasks like "Make tea: 5: Me"' }]);
    const title = diagram.title || diagram.frontTitle || diagram.accTitle || options.fallbackTitle || 'Untitled journey';
    const scale = options.scale ?? { ...DEFAULT_EMOTION_SCALE, labels: DEFAULT_EMOTION_SCALE.labels.map((l) => ({ ...l })) };
    return build(diagram, title, scale, notes);
  } catch (e) {
    return err([{ path: '', message: `could not be read as a Mermaid journey: ${(e as Error)?.message ?? String(e)}` }]);
  }
}
