// Tokens → the diagram's statements, following the journey grammar (journey.jison): `journey`
// first, then title, accTitle, accDescr, section and "task: score: actors" statements. Where
// Mermaid would draw something anyway, the statement is read and the import report says how;
// where Mermaid refuses the text, the problem names its line and column.
import type { Problem } from '../../result';
import type { ReportNotes } from '../report';
import { LIMITS } from '../../model/limits';
import { Lexer, prepare, restore, type Token } from './lex';

export interface Task {
  name: string;
  /** The score as written; undefined when blank. */
  score?: number;
  actors: string[];
  line: number;
}
export interface Section {
  name: string;
  line: number;
  tasks: Task[];
}
export interface Diagram {
  title?: string;
  frontTitle?: string;
  accTitle?: string;
  accDescr?: string;
  sections: Section[];
  /** The export's marker: steps have no emotion scores (the scores written are placeholders). */
  noScores: boolean;
}

/** Written by the export when no step has a score: the scores it writes are placeholders. */
export const NO_SCORES_MARKER = '%% journey-mapper: no scores';



class Parser {
  readonly problems: Problem[] = [];
  readonly d: Diagram = { sections: [], noScores: false };
  private current?: Section;

  constructor(
    private readonly entities: string[],
    private readonly notes: ReportNotes,
  ) {}

  problem(t: Token, message: string): void {
    if (this.problems.length < 100) this.problems.push({ path: `line ${t.line}`, message, line: t.line, column: t.column });
  }
  /** Statement text with entity codes decoded and <br> read as a line break (what its author meant). */
  text(s: string): string {
    return restore(s.replace(/<\/?br\s*\/?>/gi, '\n'), this.entities).trim();
  }

  /** Set when the diagram is too large for a journey; parsing stops there. */
  stopped = false;
  private tasks = 0;

  /** Reads the statement starting with `t`; returns the token after it, if it was read ahead. */
  statement(t: Token, lexer: Lexer): Token | undefined {
    switch (t.kind) {
      case 'newline':
        return undefined;
      case 'title':
        this.d.title = this.text(t.text.slice(6));
        return undefined;
      case 'accTitle':
        this.d.accTitle = this.text(t.text);
        return undefined;
      case 'accDescr':
        this.d.accDescr = this.text(t.text);
        return undefined;
      case 'accDescrBlock':
        this.d.accDescr = restore(t.text, this.entities).trim().replace(/\n[ \t]+/g, '\n');
        if (t.unclosed) this.notes.change('"accDescr {" is never closed with "}"; the rest of the diagram was read as the description, as Mermaid does', { path: `line ${t.line}`, line: t.line });
        return undefined;
      case 'section':
        this.section(t);
        return undefined;
      case 'taskName':
        return this.task(t, lexer.next());
      case 'journey':
        this.problem(t, '"journey" may only start the diagram; a task name cannot start with it (write #106;ourney)');
        return undefined;
      default:
        this.problem(t, t.kind === 'invalid' && t.text === ';' ? '";" is not allowed here (Mermaid refuses it); write #59; for a semicolon' : `${JSON.stringify(t.text)} is not allowed here; a task is written "Task name: score: actor, actor"`);
        return undefined;
    }
  }

  /** Stops at the first section or task beyond what a journey can hold. */
  private tooMany(t: Token, what: string): void {
    this.problem(t, what);
    this.stopped = true;
  }

  section(t: Token): void {
    if (this.d.sections.length >= LIMITS.stages) return this.tooMany(t, `is section ${LIMITS.stages + 1}; a journey has at most ${LIMITS.stages} stages`);
    let name = this.text(t.text.slice(8));
    if (!name) {
      name = `Section ${this.d.sections.length + 1}`;
      this.notes.change(`a section without a name is called ${JSON.stringify(name)}`, { path: `line ${t.line}`, line: t.line });
    }
    this.current = { name, line: t.line, tasks: [] };
    this.d.sections.push(this.current);
  }

  /** A task: its name token and the token after it (its data). Returns that token when it is not the data. */
  task(t: Token, data: Token | undefined): Token | undefined {
    const name = this.text(t.text);
    if (!data || (data.kind !== 'taskData' && data.kind !== 'colon')) {
      this.problem(t, `${JSON.stringify(name.slice(0, 60))} is not a journey statement; a task is written "Task name: score: actor, actor"`);
      return data;
    }
    const limit = LIMITS.steps * LIMITS.personas;
    if (++this.tasks > limit) {
      this.tooMany(t, `is task ${limit + 1}; a journey has at most ${LIMITS.steps} steps with ${LIMITS.personas} personas each`);
      return undefined;
    }
    const pieces = data.text.slice(1).split(':');
    const scoreText = restore(pieces[0] ?? '', this.entities).trim();
    const where = { path: `line ${t.line}`, line: t.line };
    let score: number | undefined;
    if (scoreText === '') this.notes.change(`task ${JSON.stringify(name)} has no score, so it has no emotion value (Mermaid draws it as 0)`, where);
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(scoreText)) score = Number(scoreText);
    else this.problem({ ...data, column: data.column + 1 }, `task ${JSON.stringify(name)} has the score ${JSON.stringify(scoreText.slice(0, 20))}, which is not a number`);
    if (pieces.length > 2) this.notes.skip(`the text after the second ":" of task ${JSON.stringify(name)} is not an actor list; Mermaid ignores it, and so was it here`, where);
    const actors = [...new Set((pieces[1] ?? '').split(',').map((a) => this.text(a)).filter((a) => a !== ''))];
    for (const n of [name, ...actors].filter((x) => x.includes('%%')))
      this.notes.change(`${JSON.stringify(n)} keeps its "%%": Mermaid reads "%%" as a comment only at the start of a line (or of a statement), so it is part of the name`, where);
    if (!this.current) {
      this.current = { name: 'Journey', line: t.line, tasks: [] };
      this.d.sections.push(this.current);
      this.notes.change('tasks before the first section went into a stage called "Journey"', where);
    }
    const task: Task = { name: name || 'Step', actors, line: t.line };
    if (score !== undefined) task.score = score;
    this.current.tasks.push(task);
    return undefined;
  }
}


/** Reads a diagram's statements; problems name line and column. */
export function parseDiagram(input: string, notes: ReportNotes): { diagram: Diagram; problems: Problem[] } {
  const prepared = prepare(input);
  const lexer = new Lexer(prepared.text);
  const parser = new Parser(prepared.entities, notes);
  parser.d.noScores = input.includes(NO_SCORES_MARKER);
  if (prepared.frontTitle) parser.d.frontTitle = prepared.frontTitle;
  let head = lexer.next();
  while (head?.kind === 'newline') head = lexer.next();
  if (!head || head.kind !== 'journey') {
    const line = head?.line ?? 1;
    const first = restore(prepared.text.split('\n', line)[line - 1] ?? '', prepared.entities).trim().slice(0, 40);
    const message = head ? `a Mermaid user journey starts with the word "journey", but this line says ${JSON.stringify(first)}` : 'is empty; a Mermaid user journey starts with the word "journey"';
    return { diagram: parser.d, problems: [{ path: `line ${line}`, message, line }] };
  }
  for (const l of prepared.percentLines) notes.change('a line starting with a single "%" was read as a comment (Mermaid comments start with "%%")', { path: `line ${l}`, line: l });
  for (let t = lexer.next(); t && !parser.stopped && parser.problems.length < 100; ) t = parser.statement(t, lexer) ?? lexer.next();
  return { diagram: parser.d, problems: parser.problems };
}
