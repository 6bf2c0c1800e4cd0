// Just enough XML for SpreadsheetML (ECMA-376 Part 1, §18: https://ecma-international.org/publications-and-standards/standards/ecma-376/):
// attributes, text with the five predefined entities and character references, and Excel's
// _xHHHH_ escapes for characters XML cannot hold (ECMA-376 §22.9.2.19 ST_Xstring). No DTDs and no
// entity definitions are read, so no entity expansion ("billion laughs") can happen.

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text → string: entities and character references decoded (unknown entities kept as written). */
export function xmlText(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('_x') < 0) return raw;
  const s = raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : whole;
    }
    return Object.prototype.hasOwnProperty.call(NAMED, code) ? NAMED[code]! : whole;
  });
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** string → XML text content (not attributes): & < > as entities, characters XML 1.0 cannot hold as _xHHHH_. */
export function xmlEscape(text: string): string {
  return text
    .replace(/_x([0-9a-fA-F]{4})_/g, '_x005F_x$1_')
    .replace(/[&<>]/g, (c) => `&${c === '&' ? 'amp' : c === '<' ? 'lt' : 'gt'};`)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** The value of an attribute in a start tag's text, decoded. */
const ATTRS = new Map<string, RegExp>();

export function attr(tag: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? xmlText(m[1] ?? m[2] ?? '') : undefined;
}

/** The text of every <t> element inside `xml` (rich-text runs), skipping phonetic runs (<rPh>). */
export function runText(xml: string): string {
  const noPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  const re = /<t\b[^>]*?(\/>|>([\s\S]*?)<\/t>)/g;
  for (let m = re.exec(noPhonetic); m; m = re.exec(noPhonetic)) out += xmlText(m[2] ?? '');
  return out;
}
