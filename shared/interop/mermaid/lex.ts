// Mermaid `journey` text → tokens, the way Mermaid reads it. Mermaid first cleans the text
// (packages/mermaid/src/preprocess.ts: CRLF → LF, front matter, %%{directives}%%, then
// diagram-api/comments.ts removes every line that starts with %%), hides entity codes such as
// #35; (utils.ts encodeEntities), and then runs the journey lexer
// (https://github.com/mermaid-js/mermaid/blob/develop/packages/mermaid/src/diagrams/user-journey/parser/journey.jison),
// whose rules are tried in order at each position, the first that matches winning. This file
// does the same, keeping line numbers (removed lines become blank lines) so problems can name them.

export type TokenKind = 'journey' | 'title' | 'accTitle' | 'accDescr' | 'accDescrBlock' | 'section' | 'taskName' | 'taskData' | 'colon' | 'newline' | 'invalid';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  column: number;
  /** accDescr { without its closing } (Mermaid reads the rest of the file as the description). */
  unclosed?: boolean;
}

export interface Prepared {
  text: string;
  frontTitle?: string;
  /** Placeholders stand for entity codes; `entities[i]` is what placeholder i decodes to. */
  entities: string[];
  /** Lines that start with a single "%" (not a Mermaid comment), blanked out. */
  percentLines: number[];
}

const PH_OPEN = '\ue000';
const PH_CLOSE = '\ue001';

// Named entities Mermaid diagrams use (HTML names; https://html.spec.whatwg.org/multipage/named-characters.html);
// others are kept as written. Numeric codes (#8211;) name any character.
const NAMED = new Map(
  Object.entries({
    quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", colon: ':', semi: ';', num: '#', comma: ',', percnt: '%', nbsp: '\u00a0',
    lbrace: '{', rbrace: '}',
  }),
);

/** What an entity code stands for; undefined (kept as written) for unknown names and control characters. */
export function decodeEntity(code: string): string | undefined {
  if (/^\+?\d+$/.test(code)) {
    const n = Number(code.replace('+', ''));
    const ok = n === 9 || n === 10 || (n >= 0x20 && n < 0x7f) || (n >= 0xa0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) && (n & 0xfffe) !== 0xfffe);
    return ok ? String.fromCodePoint(n) : undefined;
  }
  return NAMED.get(code.toLowerCase());
}

/** Blanks `from`–`to` of text, keeping its line breaks. */
const blank = (s: string) => s.replace(/[^\n]/g, '');

function stripFrontMatter(text: string): { text: string; title?: string } {
  const m = /^(\s*---[ \t]*\n)([\s\S]*?)(\n---[ \t]*(?:\n|$))/.exec(text);
  if (!m) return { text };
  const title = /^title\s*:\s*(.*)$/m.exec(m[2]!)?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2');
  const rest = blank(m[0]) + text.slice(m[0].length);
  return title ? { text: rest, title } : { text: rest };
}

/** Blanks out `%%{…}%%` directives (which may span lines). Linear time. */
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
    out += text.slice(from, at) + blank(text.slice(at, end));
    from = end;
  }
  return out + text.slice(from);
}

/** Mermaid's preprocessing, keeping line numbers. */
export function prepare(input: string): Prepared {
  const front = stripFrontMatter(input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'));
  const percentLines: number[] = [];
  // Only lines holding a "%" need looking at: blank whole-line %% comments (Mermaid removes them)
  // and single-% lines (read as comments, with a note). No split/join of the whole text.
  const src = stripDirectives(front.text);
  let kept = '';
  let from = 0;
  let line = 1;
  let counted = 0;
  for (let at = src.indexOf('%'); at >= 0; at = src.indexOf('%', at + 1)) {
    const start = src.lastIndexOf('\n', at) + 1;
    if (start < from) continue;
    const end = src.indexOf('\n', at);
    const l = src.slice(start, end < 0 ? src.length : end);
    const comment = /^\s*%%(?!\{)./.test(l);
    const single = !comment && /^\s*%(?!%)/.test(l);
    if (comment || single) {
      if (single) {
        for (let i = src.indexOf('\n', counted); i >= 0 && i < start; i = src.indexOf('\n', i + 1)) line++;
        counted = start;
        percentLines.push(line);
      }
      kept += src.slice(from, start);
      from = end < 0 ? src.length : end;
    }
    if (end < 0) break;
    at = end;
  }
  const cleaned = kept + src.slice(from);
  const entities: string[] = [];
  const text = cleaned.replace(/#(\w+);/g, (whole, code: string) => {
    const ch = decodeEntity(code);
    entities.push(ch ?? whole); // unknown codes stay as written, but their # and ; are not syntax
    return `${PH_OPEN}${entities.length - 1}${PH_CLOSE}`;
  });
  const out: Prepared = { text, entities, percentLines };
  if (front.title) out.frontTitle = front.title;
  return out;
}

/** Placeholders back to the characters they stand for. */
export function restore(text: string, entities: readonly string[]): string {
  return text.replace(/\ue000(\d+)\ue001/g, (_, i: string) => entities[Number(i)] ?? '');
}

// The journey lexer's rules, in the grammar's order (case-insensitive there too).
const RULES: Array<[RegExp, TokenKind | 'skip' | 'accTitleStart' | 'accDescrStart' | 'accDescrBlockStart']> = [
  [/%%(?!\{)[^\n]*/y, 'skip'],
  [/[^}]%%[^\n]*/y, 'skip'],
  [/\n+/y, 'newline'],
  [/\s+/y, 'skip'],
  [/#[^\n]*/y, 'skip'],
  [/journey/iy, 'journey'],
  [/title\s[^#\n;]+/iy, 'title'],
  [/accTitle\s*:\s*/iy, 'accTitleStart'],
  [/accDescr\s*:\s*/iy, 'accDescrStart'],
  [/accDescr\s*\{\s*/iy, 'accDescrBlockStart'],
  [/section\s[^#:\n;]+/iy, 'section'],
  [/[^#:\n;]+/y, 'taskName'],
  [/:[^#\n;]+/y, 'taskData'],
  [/:/y, 'colon'],
];

/** Tokens of prepared text, one at a time (so a parser can stop early). Linear: every rule consumes what it matches. */
export class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  constructor(private readonly text: string) {}

  private advance(to: number): void {
    const text = this.text;
    for (let i = text.indexOf('\n', this.pos); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = i + 1;
    }
    this.pos = to;
  }

  private token(kind: TokenKind, value: string, extra: Partial<Token> = {}): Token {
    return { kind, text: value, line: this.line, column: this.pos - this.lineStart + 1, ...extra };
  }

  /** The next token, or undefined at the end. */
  next(): Token | undefined {
    const text = this.text;
    while (this.pos < text.length) {
      const t = this.step();
      if (t) return t;
    }
    return undefined;
  }

  /** One rule applied at the current position; undefined when it was skipped text. */
  private step(): Token | undefined {
    const text = this.text;
    for (const [re, kind] of RULES) {
      re.lastIndex = this.pos;
      const m = re.exec(text);
      if (!m || m[0] === '') continue;
      if (kind === 'accTitleStart' || kind === 'accDescrStart') {
        this.advance(this.pos + m[0].length);
        const eol = text.indexOf('\n', this.pos);
        const value = text.slice(this.pos, eol < 0 ? text.length : eol);
        const t = this.token(kind === 'accTitleStart' ? 'accTitle' : 'accDescr', value);
        this.advance(this.pos + value.length);
        return t;
      }
      if (kind === 'accDescrBlockStart') {
        const t = this.token('accDescrBlock', '');
        this.advance(this.pos + m[0].length);
        const close = text.indexOf('}', this.pos);
        t.text = text.slice(this.pos, close < 0 ? text.length : close);
        if (close < 0) t.unclosed = true;
        this.advance(close < 0 ? text.length : close + 1);
        return t;
      }
      const t = kind === 'skip' ? undefined : this.token(kind, m[0]);
      this.advance(this.pos + m[0].length);
      return t;
    }
    const t = this.token('invalid', text[this.pos]!);
    this.advance(this.pos + 1);
    return t;
  }
}

/** Every token of prepared text, in order. */
export function lex(text: string): Token[] {
  const lexer = new Lexer(text);
  const out: Token[] = [];
  for (let t = lexer.next(); t; t = lexer.next()) out.push(t);
  return out;
}
