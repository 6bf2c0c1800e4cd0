// The renderer writes only what differs between the previous layout and the new one, and it
// recomputes the previous layout with today's code (plugin/render/plan.ts). That is only right
// while the layout code draws the same thing for the same journey and style, so any change to
// what `layoutJourney` draws must come with a new LAYOUT_VERSION (shared/layout/version.ts):
// maps drawn with the old version are then rewritten in full once. This test fingerprints the
// layout of every example in every theme and editor and fails when the drawing changed but the
// version did not.
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples/index';
import { hashText } from '../../shared/layout/hash';
import { layoutJourney } from '../../shared/layout/layout';
import { LAYOUT_VERSION } from '../../shared/layout/version';
import { loadJourney } from '../../shared/model/envelope';
import { StyleOptionsSchema, THEME_NAMES } from '../../shared/style/options';

/** Fingerprint of each layout version's drawing. Add a line when you bump LAYOUT_VERSION; never edit an old one. */
const FINGERPRINTS: Record<number, string> = {
  2: 'aV3JP8bnRN1',
  3: 'fAGseEi11x3',
  // 4: the legend's backstage swatch takes the cards' dash (4 3, was 3 2), from the lane-type table.
  4: 'ZqlTaEq4IVb',
  // 5: issue 15 items 10-12: emotion labels placed clear of each other, markers and curves (coincident markers nudged); metric direction (met/missed, ≤/≥ targets, no space before % or /); texts that could run out of their frame wrap at a width.
  // Item 10 (rest): a brand-coloured curve that needs more contrast is darkened or lightened as little as needed
  // to keep 3:1 on the lane, as whole #RRGGBB channels (the dark theme's default brand curve #584FE6 -> #554CE6).
  // Recorded under 5 until LAYOUT_VERSION is raised (was '5wmBSmvqJT3').
  5: '4UQVQXWNv55',
  // 6: issue 15 items 14-15: line of visibility above backstage lanes; personas fill the width; one line of chips (effort, value and what does not fit in a line of text); no lane type repeated under a label that says it; larger stage names; card types in words in high contrast; deeper arcs with slanted arrowheads, links between cards said at the cards; FigJam connectors on card sides with label plates; the flow band as tall as its labels; with issue 15 item 10, brand-coloured curves kept at 3:1 by the smallest blend.
  6: 't4sVda7phKe',
};

function currentFingerprint(): string {
  const parts: string[] = [];
  for (const example of EXAMPLES) {
    const loaded = loadJourney(example.envelope);
    if (!loaded.ok) throw new Error(`example ${example.id} does not load`);
    for (const theme of THEME_NAMES) {
      for (const editor of ['figma', 'figjam'] as const) {
        const layout = layoutJourney(loaded.value.journey, StyleOptionsSchema.parse({ theme }), { editor });
        parts.push(hashText(JSON.stringify(layout)));
      }
    }
  }
  return hashText(parts.join('\n'));
}

describe('layout version', () => {
  it('changes whenever the drawing of the examples changes', () => {
    const now = currentFingerprint();
    const recorded = FINGERPRINTS[LAYOUT_VERSION];
    const hint = `The layout of the examples is now ${now}. If you changed what the layout draws, raise LAYOUT_VERSION in shared/layout/version.ts and add "${LAYOUT_VERSION + 1}: '${now}'" to FINGERPRINTS.`;
    expect(recorded, hint).toBe(now);
  });

  it('never reuses an older version’s drawing for a newer version', () => {
    const older = Object.entries(FINGERPRINTS).filter(([v]) => Number(v) < LAYOUT_VERSION);
    for (const [version, fingerprint] of older) expect(fingerprint, `version ${version}`).not.toBe(FINGERPRINTS[LAYOUT_VERSION]);
  });
});
