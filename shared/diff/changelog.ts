// A diff as a changelog: Markdown for people (the panel's export, `npm run cli -- diff`, the
// preview's changes.md) and JSON for tools (the counts, the lines and the exact entries).
import type { Journey } from '../model/types';
import type { JourneyDiff } from './types';
import { countLines, describeDiff, GROUP_TITLES, LINE_GROUPS, summariseCounts, type DiffCounts, type DiffLine } from './words';

export interface ChangelogSides {
  /** What the older journey is, e.g. "Version “Before workshop” (2026-03-01)" or a file name. */
  from: string;
  to: string;
}

/** Escapes what Markdown would read as markup in a line of text (a list item). */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n|\u2028/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function toChangelogMarkdown(diff: JourneyDiff, a: Journey, b: Journey, sides: ChangelogSides): string {
  const lines = describeDiff(diff, a, b);
  const counts = countLines(lines);
  const out = [`# Changes to ${escapeMarkdown(b.title)}`, '', `From ${escapeMarkdown(sides.from)} to ${escapeMarkdown(sides.to)}.`, '', `**${summariseCounts(counts)}.**`];
  for (const g of LINE_GROUPS) {
    const group = lines.filter((l) => l.group === g);
    if (!group.length) continue;
    out.push('', `## ${GROUP_TITLES[g]}`, '', ...group.map((l) => `- ${escapeMarkdown(l.text)}`));
  }
  return `${out.join('\n')}\n`;
}

export interface ChangelogJson {
  format: 'journey-mapper-changelog';
  v: 1;
  from: string;
  to: string;
  counts: DiffCounts;
  lines: DiffLine[];
  entries: JourneyDiff['entries'];
}

export function toChangelogJson(diff: JourneyDiff, a: Journey, b: Journey, sides: ChangelogSides): ChangelogJson {
  const lines = describeDiff(diff, a, b);
  return { format: 'journey-mapper-changelog', v: 1, from: sides.from, to: sides.to, counts: countLines(lines), lines, entries: diff.entries };
}
