// The wide-grid template the panel offers for download (and shared/examples/journey-wide-template.csv,
// which test/interop/sheets.test.ts keeps equal to it): stages and steps across, lanes down, one
// cell with two cards, emotion rows for two personas on a 1–5 scale.
export const WIDE_TEMPLATE: string[][] = [
  ['Journey title', 'Stage 1', '', 'Stage 2', ''],
  ['', 'Step 1', 'Step 2', 'Step 3', 'Step 4'],
  ['Actions', 'What the customer does', '', '', ''],
  ['Thoughts', '“In their words”', '', '', ''],
  ['Touchpoints', 'Website', 'Email', 'Phone', 'Store'],
  ['Pain points', '', 'One card\n\nA blank line starts the next', '', ''],
  ['Opportunities', '', '', 'What we could do better', ''],
  ['Emotion (1–5) · Persona A', '4', '2', '3', '5'],
  ['Emotion (1–5) · Persona B', '3', '', '1', '4'],
];
