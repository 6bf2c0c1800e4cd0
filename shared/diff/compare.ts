// Two journeys compared for people: the panel (a version, the map now or a file on either side),
// `npm run cli -- diff` and the preview all use this. The diff runs where it is cheap: in the
// panel's iframe or in Node, never on Figma's main thread (the plugin only reads versions back).
import type { Journey } from '../model/types';
import { toChangelogMarkdown } from './changelog';
import { diffJourneys } from './diff';
import type { JourneyDiff } from './types';
import { countLines, describeDiff, summariseCounts, type DiffLine } from './words';

export interface Comparison {
  from: string;
  to: string;
  /** "2 changed, 1 moved", or "No changes". */
  summary: string;
  lines: DiffLine[];
  markdown: string;
  diff: JourneyDiff;
}

export function compareJourneys(a: Journey, b: Journey, labels: { from: string; to: string }): Comparison {
  const diff = diffJourneys(a, b);
  const lines = describeDiff(diff, a, b);
  return { ...labels, summary: summariseCounts(countLines(lines)), lines, markdown: toChangelogMarkdown(diff, a, b, labels), diff };
}

/** How a saved version is named on one side of a comparison: version “Kick-off” (2026-11-30). */
export const versionLabel = (v: { name: string; at: string }) => `version “${v.name}” (${v.at.slice(0, 10)})`;
