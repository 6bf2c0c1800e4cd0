// Mermaid `journey` (user journey diagram) import and export.
//
//   journey
//     title My working day
//     accTitle: …            accDescr: …   or   accDescr { … }
//     section Go to work     → a stage
//       Make tea: 5: Me, Cat → a step; Me and Cat are personas whose as-is curve is 5 there
//
// Mapping (documented in CSV-FORMAT.md § Mermaid):
// - sections → stages, tasks → steps, actors → personas, each with one "As-is" curve.
// - Scores map linearly onto the emotion scale: value = min + (score − 1) × (max − min) / 4,
//   rounded to the nearest whole number (halves round up); 0 (which Mermaid allows) reads as 1.
//   Back: score = 1 + (value − min) × 4 / (max − min), rounded the same way, kept within 1–5.
//   On the default −2…+2 scale both directions are exact: 1→−2, 2→−1, 3→0, 4→+1, 5→+2.
// - A task without actors gives its score to a persona called "Everyone".
// - Tasks before the first section go into a stage called "Journey"; a section without tasks
//   gets one step named like the section (a stage needs a step).
// - Consecutive tasks with the same name and no actor in common form ONE step (that is how the
//   export writes personas who feel differently at the same step).
// - `#35;`-style entity codes and `<br>` in names are decoded; `%%` and `#` start comments;
//   `%%{init…}%%` directives and `---` front matter (its `title:` is used) are skipped.
import { err, type Problem, type Result } from '../result';
import { EmotionScaleSchema } from '../model/schema';
import type { Curve, EmotionScale, Journey, Lane, Persona, Stage } from '../model/types';
import { validateJourney } from '../model/validate';
import { IdAllocator, slug } from './ids';
import { checkInputSize } from './size';

export interface MermaidImportOptions {
  /** Emotion scale the scores are mapped onto (default −2…+2 with its labels). */
  scale?: EmotionScale;
  /** Title when the diagram has none (e.g. the file name). */
  fallbackTitle?: string;
}

export interface MermaidExport {
  text: string;
  /** What the Mermaid text could not carry, in plain words. Empty when nothing was lost. */
  lost: string[];
}

const defaultScale = (): EmotionScale => EmotionScaleSchema.parse(undefined) as EmotionScale;

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

// ---------------------------------------------------------------------------------------------
// Entities and names

const NAMED: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  colon: ':',
  semi: ';',
  num: '#',
  comma: ',',
  percnt: '%',
  nbsp: '\u00a0',
  lbrace: '{',
  rbrace: '}',
};

function decodeEntity(code: string): string | undefined {
  if (/^\d+$/.test(code)) {
    const n = Number(code);
    return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : undefined;
  }
  return NAMED[code.toLowerCase()];
}

const PH_OPEN = '\ue000';
const PH_CLOSE = '\ue001';

/** Hides `#35;`-style entities behind placeholders so "#" and ":" inside them are not syntax. */
function protect(line: string, store: string[]): string {
  return line.replace(/#(\w+);/g, (whole, code: string) => {
    const ch = decodeEntity(code);
    if (ch === undefined) return whole;
    store.push(ch);
    return `${PH_OPEN}${store.length - 1}${PH_CLOSE}`;
  });
}

function restore(text: string, store: readonly string[]): string {
  return text.replace(/\ue000(\d+)\ue001/g, (_, i: string) => store[Number(i)] ?? '');
}

const BR = /<br\s*\/?>|<\/br\s*\/?>/gi;

function cleanName(text: string, store: readonly string[]): string {
  return restore(text.replace(BR, '\n'), store).trim();
}

/** Escapes a name for Mermaid: the characters the grammar treats as syntax become entity codes. */
function encodeName(text: string, extra: RegExp): string {
  return text
    .trim()
    .replace(/[#;%<>]/g, (c) => `#${c.charCodeAt(0)};`)
    .replace(extra, (c) => `#${c.charCodeAt(0)};`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

// ---------------------------------------------------------------------------------------------
// Import

interface Task {
  name: string;
  score: number;
  actors: string[];
  line: number;
}
interface Section {
  name: string;
  line: number;
  tasks: Task[];
}

/**
 * When the input is Markdown (its first line is not `journey`, `---` or a `%%` comment), the text
 * of its first fenced ```mermaid block that holds a journey.
 */
function fromMarkdownFence(text: string): { text: string; lineOffset: number } {
  const first = /^\s*(\S+)/.exec(text.slice(0, 1000))?.[1] ?? '';
  if (/^(journey|---|%%)/i.test(first)) return { text, lineOffset: 0 };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})[ \t]*mermaid\b/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    let k = i + 1;
    while (k < lines.length && !(lines[k]!.trim().startsWith(fence) && lines[k]!.trim().replace(/[`~]/g, '') === '')) k++;
    const body = lines.slice(i + 1, k).join('\n');
    if (/^\s*journey\b/im.test(body)) return { text: body, lineOffset: i + 1 };
    i = k;
  }
  return { text, lineOffset: 0 };
}

/** Blanks out `%%{…}%%` directives (which may span lines), keeping line breaks. Linear time. */
function stripDirectives(text: string): string {
  let out = '';
  let from = 0;
  let noMoreClosers = false;
  for (let at = text.indexOf('%%{'); at >= 0; at = text.indexOf('%%{', from)) {
    let end = noMoreClosers ? -1 : text.indexOf('}%%', at + 3);
    if (end < 0) {
      noMoreClosers = true;
      const eol = text.indexOf('\n', at);
      end = eol < 0 ? text.length : eol;
    } else end += 3;
    out += text.slice(from, at) + text.slice(at, end).replace(/[^\n]/g, '');
    from = end;
  }
  return out + text.slice(from);
}

/**
 * Reads a Mermaid `journey` diagram into a validated journey, or returns every problem with its
 * line (and column when it helps). Never throws.
 */
export function importMermaid(input: string, options: MermaidImportOptions = {}): Result<Journey, Problem[]> {
  try {
    return importUnsafe(input, options);
  } catch (e) {
    return err([{ path: '', message: `could not be read as a Mermaid journey: ${(e as Error)?.message ?? String(e)}` }]);
  }
}

function importUnsafe(input: string, options: MermaidImportOptions): Result<Journey, Problem[]> {
  const tooBig = checkInputSize(input);
  if (tooBig) return err([tooBig]);
  const problems: Problem[] = [];
  const problem = (line: number, message: string, column?: number) => {
    if (problems.length >= 100) return;
    const p: Problem = { path: `line ${line}`, message, line };
    if (column !== undefined) p.column = column;
    problems.push(p);
  };

  const fenced = fromMarkdownFence(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  // Directives may span lines: blank them out but keep the line count.
  const body = stripDirectives(fenced.text);
  const lines = body.split(/\r\n|\r|\n/);
  const lineNo = (i: number) => i + 1 + fenced.lineOffset;

  let i = 0;
  let frontTitle: string | undefined;
  // Front matter: --- … --- at the very top.
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i < lines.length && lines[i]!.trim() === '---') {
    const start = i;
    i++;
    while (i < lines.length && lines[i]!.trim() !== '---') {
      const m = /^\s*title\s*:\s*(.*)$/.exec(lines[i]!);
      if (m) frontTitle = m[1]!.trim().replace(/^(["'])(.*)\1$/, '$2');
      i++;
    }
    if (i >= lines.length) {
      problem(lineNo(start), 'starts front matter with "---" that is never closed by another "---"');
      return err(problems);
    }
    i++;
  }

  const store: string[] = [];
  let seenHeader = false;
  let title: string | undefined;
  let accTitle: string | undefined;
  let accDescr: string | undefined;
  const sections: Section[] = [];
  let current: Section | undefined;

  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    let line = protect(raw, store);
    // Comments: "%%" (not a directive) and "#" run to the end of the line.
    const pct = line.search(/%%(?!\{)/);
    if (pct >= 0) line = line.slice(0, pct);
    const hash = line.indexOf('#');
    if (hash >= 0) line = line.slice(0, hash);
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const indent = line.length - line.trimStart().length;

    if (!seenHeader) {
      const m = /^journey\b\s*(.*)$/i.exec(trimmed);
      if (!m) {
        const kind = /^([A-Za-z-]+)/.exec(trimmed)?.[1];
        problem(
          lineNo(i),
          kind && KNOWN_DIAGRAMS.has(kind.toLowerCase())
            ? `is a Mermaid ${kind} diagram, not a user journey; a journey starts with the word "journey"`
            : `a Mermaid user journey starts with the word "journey", but this line says ${JSON.stringify(restore(trimmed, store).slice(0, 40))}`,
        );
        return err(problems);
      }
      seenHeader = true;
      if (m[1]) problem(lineNo(i), `has text after "journey"; put ${JSON.stringify(m[1].slice(0, 40))} on its own line`);
      continue;
    }

    let m: RegExpExecArray | null;
    if ((m = /^title(?:\s+(.*))?$/i.exec(trimmed))) {
      title = cleanName(m[1] ?? '', store);
      continue;
    }
    if ((m = /^accTitle\s*:\s*(.*)$/i.exec(trimmed))) {
      accTitle = cleanName(m[1]!, store);
      continue;
    }
    if ((m = /^accDescr\s*:\s*(.*)$/i.exec(trimmed))) {
      accDescr = restore(m[1]!, store).trim();
      continue;
    }
    if ((m = /^accDescr\s*\{(.*)$/i.exec(trimmed))) {
      // Multi-line: everything up to the closing "}" (comments inside are text, as in Mermaid);
      // what follows the "}" on its line is read as the next statement.
      const start = i;
      let text = raw.replace(/^\s*accDescr\s*\{/i, '');
      while (!text.includes('}') && i + 1 < lines.length) text += '\n' + lines[++i]!;
      const close = text.indexOf('}');
      if (close < 0) {
        problem(lineNo(start), 'opens "accDescr {" but never closes it with "}"');
        return err(problems);
      }
      accDescr = restore(protect(text.slice(0, close), store), store).trim().replace(/\n\s+/g, '\n');
      const rest = text.slice(close + 1);
      if (rest.trim()) {
        lines[i] = rest;
        i--;
      }
      continue;
    }
    if ((m = /^section(?:\s+(.*))?$/i.exec(trimmed))) {
      const name = cleanName(m[1] ?? '', store);
      if (!name) problem(lineNo(i), 'has "section" without a name; write "section Name of the stage"');
      current = { name, line: lineNo(i), tasks: [] };
      sections.push(current);
      continue;
    }
    const colon = trimmed.indexOf(':');
    if (colon < 0) {
      problem(
        lineNo(i),
        `${JSON.stringify(restore(trimmed, store).slice(0, 60))} is not a journey statement; a task is written "Task name: score: actor, actor" (score 1 to 5)`,
        indent + 1,
      );
      continue;
    }
    const name = cleanName(trimmed.slice(0, colon), store);
    const pieces = trimmed.slice(colon + 1).split(':');
    const scoreText = restore(pieces[0] ?? '', store).trim();
    const scoreColumn = indent + colon + 2 + ((pieces[0] ?? '').length - (pieces[0] ?? '').trimStart().length);
    if (!name) problem(lineNo(i), 'has a task without a name before the ":"', indent + 1);
    let score = Number.NaN;
    if (scoreText === '') problem(lineNo(i), `task ${JSON.stringify(name)} has no score; write a number from 1 to 5 after the ":"`, scoreColumn);
    else if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(scoreText))
      problem(lineNo(i), `task ${JSON.stringify(name)} has score ${JSON.stringify(scoreText.slice(0, 20))}, which is not a number from 1 to 5`, scoreColumn);
    else {
      score = Number(scoreText);
      if (score < 0 || score > 5) problem(lineNo(i), `task ${JSON.stringify(name)} has score ${scoreText}; scores go from 1 (worst) to 5 (best)`, scoreColumn);
    }
    const actors = (pieces[1] ?? '')
      .split(',')
      .map((a) => cleanName(a, store))
      .filter((a) => a !== '');
    if (!current) {
      current = { name: 'Journey', line: lineNo(i), tasks: [] };
      sections.push(current);
    }
    current.tasks.push({ name, score, actors: [...new Set(actors)], line: lineNo(i) });
  }

  if (!seenHeader) {
    problem(1, 'is empty; a Mermaid user journey starts with the word "journey"');
    return err(problems);
  }
  if (problems.length) return err(problems);
  if (sections.length === 0) {
    problem(lines.length + fenced.lineOffset, 'has no sections or tasks; add "section Name" and tasks like "Make tea: 5: Me"');
    return err(problems);
  }
  return build({ title: title || frontTitle || accTitle || options.fallbackTitle || 'Untitled journey', accDescr, sections }, options.scale ?? defaultScale());
}

const KNOWN_DIAGRAMS = new Set([
  'flowchart',
  'graph',
  'sequencediagram',
  'classdiagram',
  'statediagram',
  'statediagram-v2',
  'erdiagram',
  'gantt',
  'pie',
  'gitgraph',
  'mindmap',
  'timeline',
  'quadrantchart',
  'requirementdiagram',
  'c4context',
  'sankey-beta',
  'xychart-beta',
  'block-beta',
  'kanban',
]);

interface Parsed {
  title: string;
  accDescr?: string;
  sections: Section[];
}

function build(p: Parsed, scale: EmotionScale): Result<Journey, Problem[]> {
  const ids = new IdAllocator();
  const personaIds = new Map<string, string>();
  const personas: Persona[] = [];
  const personaOf = (name: string): string => {
    let id = personaIds.get(name);
    if (id === undefined) {
      id = ids.derive(`persona-${slug(name)}`);
      personaIds.set(name, id);
      personas.push({ id, name, goals: [], frustrations: [], evidence: [] });
    }
    return id;
  };
  const points = new Map<string, Array<{ stepId: string; value: number }>>();
  const stages: Stage[] = [];
  for (const section of p.sections) {
    const stageId = ids.derive(`stage-${slug(section.name)}`);
    const stage: Stage = { id: stageId, name: section.name, metrics: [], steps: [] };
    let last: { name: string; id: string; actors: Set<string> } | undefined;
    for (const t of section.tasks) {
      const actors = t.actors.length ? t.actors : ['Everyone'];
      let stepId: string;
      if (last && last.name === t.name && actors.every((a) => !last!.actors.has(a))) {
        stepId = last.id;
        actors.forEach((a) => last!.actors.add(a));
      } else {
        stepId = ids.derive(`step-${slug(section.name)}.${slug(t.name)}`);
        stage.steps.push({ id: stepId, name: t.name });
        last = { name: t.name, id: stepId, actors: new Set(actors) };
      }
      for (const a of actors) {
        const pid = personaOf(a);
        const list = points.get(pid) ?? [];
        list.push({ stepId, value: scoreToValue(t.score, scale) });
        points.set(pid, list);
      }
    }
    if (stage.steps.length === 0) stage.steps.push({ id: ids.derive(`step-${slug(section.name)}.${slug(section.name)}`), name: section.name });
    stages.push(stage);
  }
  const curves: Curve[] = personas.map((persona) => ({
    id: ids.derive(`curve-${slug(persona.name, 20)}-as-is`),
    personaId: persona.id,
    name: 'As-is',
    kind: 'as-is',
    points: points.get(persona.id) ?? [],
  }));
  const lanes: Lane[] = personas.length ? [{ id: ids.derive('lane-emotion'), type: 'emotion', label: 'Emotion' }] : [];
  const journey: Record<string, unknown> = {
    id: ids.derive(`journey-${slug(p.title)}`),
    title: p.title,
    emotionScale: scale,
    personas,
    stages,
    lanes,
    curves,
  };
  if (p.accDescr) journey.description = p.accDescr;
  const valid = validateJourney(journey);
  if (valid.ok) return valid;
  // Map model problems back to the diagram where possible.
  return err(
    valid.error.map((pr) => {
      const m = /^stages\[(\d+)\]/.exec(pr.path);
      const section = m ? p.sections[Number(m[1])] : undefined;
      return section ? { ...pr, path: `line ${section.line} (${pr.path})`, line: section.line } : pr;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Export

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Writes the journey as a Mermaid `journey` diagram. Sections are stages, tasks are steps, actors
 * are personas; each persona's as-is curve (else its first curve) gives the scores. `lost` lists
 * what Mermaid cannot carry.
 */
export function exportMermaid(journey: Journey): MermaidExport {
  const j = journey;
  const lost: string[] = [];
  const scale = j.emotionScale;
  const out: string[] = ['journey', `    title ${encodeName(j.title, /(?!)/g)}`];
  if (j.description !== undefined && j.description.trim()) {
    const d = j.description.trim().replace(/[{}]/g, (c) => `#${c.charCodeAt(0)};`);
    if (/\n/.test(d)) out.push('    accDescr {', ...d.split(/\r\n|\r|\n/).map((l) => `        ${l.trim()}`), '    }');
    else out.push(`    accDescr: ${d}`);
  }

  // One curve per persona: the first as-is curve, else the first curve.
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

  const valueAt = new Map<string, Map<string, number>>(); // stepId → personaId → value
  for (const [pid, c] of chosen)
    for (const pt of c.points) {
      const m = valueAt.get(pt.stepId) ?? new Map<string, number>();
      m.set(pid, pt.value);
      valueAt.set(pt.stepId, m);
    }
  let rounded = 0;
  let unscored = 0;
  for (const stage of j.stages) {
    out.push(`    section ${encodeName(stage.name, /:/g)}`);
    for (const step of stage.steps) {
      // A task name starting with a keyword would be read as that statement: hide its first letter.
      const task = (encodeName(step.name, /:/g) || 'Step').replace(/^(journey|title|section|acctitle|accdescr)\b/i, (w) => `#${w.charCodeAt(0)};${w.slice(1)}`);
      const values = valueAt.get(step.id);
      if (!values || values.size === 0) {
        unscored++;
        out.push(`      ${task}: 3`);
        continue;
      }
      // Personas in journey order; a new task line starts whenever the score changes, so actors
      // appear in the text in the journey's persona order (import orders personas that way).
      const lines: Array<{ score: number; actors: string[] }> = [];
      for (const p of j.personas) {
        const v = values.get(p.id);
        if (v === undefined) continue;
        const score = valueToScore(v, scale);
        if (scoreToValue(score, scale) !== v) rounded++;
        const actor = encodeName(p.name, /[:,]/g);
        const lastLine = lines[lines.length - 1];
        if (lastLine && lastLine.score === score) {
          if (!lastLine.actors.includes(actor)) lastLine.actors.push(actor);
        } else lines.push({ score, actors: [actor] });
      }
      for (const l of lines) out.push(`      ${task}: ${l.score}: ${l.actors.join(', ')}`);
    }
  }

  const twins = j.stages.reduce((n, s) => n + s.steps.filter((st, k) => k > 0 && st.name.trim() === s.steps[k - 1]!.name.trim()).length, 0);
  if (twins) lost.push(`the boundary between ${plural(twins, 'pair')} of neighbouring steps with the same name (importing may join them into one step)`);
  if (unscored) lost.push(`emotion for ${plural(unscored, 'step')} without any value (written with score 3 and no actor)`);
  if (rounded) lost.push(`exact emotion values: ${plural(rounded, 'value')} rounded to the nearest Mermaid score 1–5`);
  const cardLanes = j.lanes.filter((l) => l.type !== 'emotion');
  if (j.cards.length) lost.push(`${plural(j.cards.length, 'card')} (Mermaid has no lanes or cards)`);
  if (cardLanes.length) lost.push(`${plural(cardLanes.length, 'lane')}: ${cardLanes.map((l) => l.label).join(', ')}`);
  if (j.links.length) lost.push(plural(j.links.length, 'link'));
  if (j.evidence.length) lost.push(`${plural(j.evidence.length, 'evidence item')}`);
  const pointNotes = j.curves.reduce((n, c) => n + c.points.filter((p) => p.note !== undefined).length, 0);
  if (pointNotes) lost.push(`${plural(pointNotes, 'note')} on emotion points`);
  const journeyFields = (['objective', 'owner', 'updated', 'reviewBy'] as const).filter((k) => j[k] !== undefined);
  if (j.status !== 'draft') journeyFields.push('status' as never);
  if (j.tags.length) journeyFields.push('tags' as never);
  if (journeyFields.length) lost.push(`journey ${journeyFields.join(', ')}`);
  const stageDetails = j.stages.filter((s) => s.phase !== undefined || s.customPhase !== undefined || s.owner !== undefined || s.description !== undefined || s.metrics.length);
  if (stageDetails.length) lost.push(`stage phases, owners, descriptions and metrics (${plural(stageDetails.length, 'stage')})`);
  const stepDescriptions = j.stages.reduce((n, s) => n + s.steps.filter((st) => st.description !== undefined).length, 0);
  if (stepDescriptions) lost.push(`${plural(stepDescriptions, 'step description')}`);
  const personaDetails = j.personas.filter((p) => p.segment || p.summary || p.goals.length || p.frustrations.length || p.quote || p.evidence.length);
  if (personaDetails.length) lost.push(`persona details (segment, summary, goals, frustrations, quote, evidence) of ${plural(personaDetails.length, 'persona')}`);
  const def = defaultScale();
  if (scale.min !== def.min || scale.max !== def.max || JSON.stringify(scale.labels) !== JSON.stringify(def.labels))
    lost.push(`the emotion scale ${scale.min}…${scale.max} and its labels (Mermaid scores are 1–5)`);
  return { text: out.join('\n') + '\n', lost };
}
