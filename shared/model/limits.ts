// Size limits a journey must stay within. They keep a map drawable in one Figma frame, keep the
// stored model well under Figma's plugin-data budget once compressed, and catch runaway imports.
// The README lists them; change them here only.
export const LIMITS = {
  idLength: 64,
  nameLength: 200,
  textLength: 2000,
  urlLength: 2000,
  listItems: 20,
  tags: 30,
  personas: 10,
  stages: 40,
  /** Steps in the whole journey (all stages together). */
  steps: 300,
  lanes: 30,
  cards: 6000,
  curves: 40,
  curvesPerPersona: 4,
  links: 1000,
  evidence: 3000,
  evidencePerItem: 20,
  metricsPerStage: 12,
  views: 20,
  /** The most pain points and opportunities an executive summary lists. */
  viewTop: 50,
  /**
   * The whole journey as the plugin writes it (2-space JSON in its envelope), in UTF-8 bytes. The
   * importers accept files up to twice this (shared/interop/size.ts), so every journey within the
   * limits can be exported in any format and imported again.
   */
  journeyBytes: 8 * 1024 * 1024,
} as const;
