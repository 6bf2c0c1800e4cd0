// Finds where a value sits in JSON text, so a problem like `cards[3].laneId` can be selected in
// the textarea. A small scanner records the span of every value by path; it stops quietly at
// the first syntax error (what it found up to there is still usable).
import { parsePath, type PathSegment } from '../state/paths';

export interface Span {
  start: number;
  end: number;
}

class Scanner {
  pos = 0;
  readonly spans = new Map<string, Span>();
  constructor(private readonly text: string) {}

  private ws() {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private fail(): never {
    throw new Error('syntax');
  }

  private string(): string {
    const start = this.pos;
    if (this.text[this.pos] !== '"') this.fail();
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (ch === '\\') this.pos += 2;
      else if (ch === '"') {
        this.pos++;
        return JSON.parse(this.text.slice(start, this.pos)) as string;
      } else this.pos++;
    }
    return this.fail();
  }

  value(key: string) {
    this.ws();
    const start = this.pos;
    const ch = this.text[this.pos];
    if (ch === '{') {
      this.pos++;
      this.ws();
      if (this.text[this.pos] === '}') this.pos++;
      else
        for (;;) {
          this.ws();
          const k = this.string();
          this.ws();
          if (this.text[this.pos] !== ':') this.fail();
          this.pos++;
          this.value(key ? `${key}.${k}` : k);
          this.ws();
          const next = this.text[this.pos++];
          if (next === '}') break;
          if (next !== ',') this.fail();
        }
    } else if (ch === '[') {
      this.pos++;
      this.ws();
      if (this.text[this.pos] === ']') this.pos++;
      else
        for (let i = 0; ; i++) {
          this.value(`${key}[${i}]`);
          this.ws();
          const next = this.text[this.pos++];
          if (next === ']') break;
          if (next !== ',') this.fail();
        }
    } else if (ch === '"') this.string();
    else {
      const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.pos, this.pos + 40));
      if (!m) this.fail();
      this.pos += m[0].length;
    }
    this.spans.set(key, { start, end: this.pos });
  }
}

/** Spans of every value in `text`, keyed by path ('' is the whole document). */
export function scanJson(text: string): Map<string, Span> {
  const s = new Scanner(text);
  try {
    s.value('');
  } catch {
    // Partial results are still useful.
  }
  return s.spans;
}

function joinPath(segments: PathSegment[]): string {
  return segments.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

/**
 * The span of the value at `path` (journey-relative; looked up inside an envelope's `journey`
 * first), or of its nearest ancestor that exists. `line`/`column` (1-based) win when given.
 */
export function locateInJson(text: string, path: string, line?: number, column?: number | string): Span | null {
  if (line !== undefined) {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    const col = typeof column === 'number' ? Math.max(0, column - 1) : 0;
    const start = Math.min(text.length, offset + col);
    return { start, end: Math.min(text.length, start + 1) };
  }
  const spans = scanJson(text);
  const segments = parsePath(path);
  const roots: PathSegment[][] = spans.has('journey') ? [['journey'], []] : [[]];
  for (let n = segments.length; n >= 0; n--) {
    for (const root of roots) {
      const key = joinPath([...root, ...segments.slice(0, n)]);
      const span = spans.get(key);
      if (span) return span;
    }
  }
  return spans.get('') ?? null;
}
