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

// Named entities Mermaid diagrams use (HTML names; https://html.spec.whatwg.org/multipage/named-characters.html).
const NAMED = new Map(
  Object.entries({
    quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", colon: ':', semi: ';', num: '#', comma: ',', percnt: '%', nbsp: '\u00a0',
    lbrace: '{', rbrace: '}', lpar: '(', rpar: ')', hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“',
    rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', deg: '°', times: '×', middot: '·', bull: '•',
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
  const lines = stripDirectives(front.text).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s*%%(?!\{)./.test(l)) lines[i] = '';
    else if (/^\s*%(?!%)/.test(l)) {
      lines[i] = '';
      percentLines.push(i + 1);
    }
  }
  const entities: string[] = [];
  const text = lines.join('\n').replace(/#(\w+);/g, (whole, code: string) => {
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

/** Tokens of prepared text, in order. Linear: every rule consumes what it matches. */
export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  const advance = (to: number) => {
    for (let i = text.indexOf('\n', pos); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    pos = to;
  };
  const push = (kind: TokenKind, value: string, extra: Partial<Token> = {}) => tokens.push({ kind, text: value, line, column: pos - lineStart + 1, ...extra });
  const rest = (re: RegExp) => {
    re.lastIndex = pos;
    return re.exec(text)?.[0] ?? '';
  };
  while (pos < text.length) {
    let matched = false;
    for (const [re, kind] of RULES) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m || m[0] === '') continue;
      matched = true;
      if (kind === 'accTitleStart' || kind === 'accDescrStart') {
        advance(pos + m[0].length);
        const value = rest(/[^\n]*/y);
        push(kind === 'accTitleStart' ? 'accTitle' : 'accDescr', value);
        advance(pos + value.length);
      } else if (kind === 'accDescrBlockStart') {
        push('accDescrBlock', '');
        const token = tokens[tokens.length - 1]!;
        advance(pos + m[0].length);
        const close = text.indexOf('}', pos);
        token.text = text.slice(pos, close < 0 ? text.length : close);
        if (close < 0) token.unclosed = true;
        advance(close < 0 ? text.length : close + 1);
      } else {
        if (kind !== 'skip') push(kind, m[0]);
        advance(pos + m[0].length);
      }
      break;
    }
    if (!matched) {
      push('invalid', text[pos]!);
      advance(pos + 1);
    }
  }
  return tokens;
}
