// One entry point for every journey text the UI or `npm run preview` is given: JSON (the native
// format, with envelope and migrations), CSV (the long format) or Mermaid `journey`.
import { err, type Problem, type Result } from '../result';
import { loadJourneyText } from '../model/envelope';
import type { Journey } from '../model/types';
import { importCsv } from './csv';
import { importMermaid } from './mermaid';
import { checkInputSize } from './size';

export type JourneyTextFormat = 'json' | 'csv' | 'mermaid';

const EXTENSIONS: Record<string, JourneyTextFormat> = {
  json: 'json',
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  txt: 'csv',
  mmd: 'mermaid',
  mermaid: 'mermaid',
  md: 'mermaid',
  markdown: 'mermaid',
};

/**
 * The format of a text: by the file name's extension when it is one of .json, .csv/.tsv/.txt,
 * .mmd/.mermaid/.md; otherwise by content: `{` first → JSON; a first statement `journey` (after
 * blank lines, `%%` comments, `---` front matter or a ```mermaid fence) → Mermaid; else CSV.
 * A .txt file whose content is plainly JSON or Mermaid is read as that.
 */
export function detectFormat(text: string, fileName?: string): JourneyTextFormat {
  const ext = fileName ? /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() : undefined;
  const byExt = ext ? EXTENSIONS[ext] : undefined;
  if (byExt && ext !== 'txt') return byExt;
  const head = text.slice(0, 4096).replace(/^\ufeff/, '');
  if (/^\s*[{[]/.test(head)) return 'json';
  if (/^\s*(?:(?:%%[^\n]*|---[\s\S]*?\n---[^\n]*)\s*)*journey\b/i.test(head)) return 'mermaid';
  if (/^\s*(`{3,}|~{3,})[ \t]*mermaid/m.test(head) && /^\s*journey\b/im.test(head)) return 'mermaid';
  return 'csv';
}

/** The file name without folders and extension, as a title for formats that may lack one. */
function baseName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const name = fileName.split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '').trim();
  return name ? name.slice(0, 200) : undefined;
}

/**
 * Reads a journey from text in any supported format (see detectFormat). Inputs over 10 MiB are
 * refused before parsing. Returns a validated journey, or every problem found (never throws).
 */
export function importJourneyText(text: string, fileName?: string): Result<Journey, Problem[]> {
  try {
    const tooBig = checkInputSize(text);
    if (tooBig) return err([tooBig]);
    const format = detectFormat(text, fileName);
    if (format === 'json') {
      const loaded = loadJourneyText(text.replace(/^\ufeff/, ''));
      return loaded.ok ? { ok: true, value: loaded.value.journey } : loaded;
    }
    if (format === 'mermaid') {
      const title = baseName(fileName);
      return importMermaid(text, title ? { fallbackTitle: title } : {});
    }
    const title = baseName(fileName);
    return importCsv(text, title ? { fallbackTitle: title } : {});
  } catch (e) {
    return err([{ path: '', message: `could not be read: ${(e as Error)?.message ?? String(e)}` }]);
  }
}
