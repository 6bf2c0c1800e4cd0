// Sizes of the map for each density. One place, so the canvas and the preview agree.
import type { Density } from '../style/options';

export interface Metrics {
  mapPadding: number;
  sectionGap: number;
  columnWidth: number;
  labelWidth: number;
  cellPadding: number;
  cardGap: number;
  cardPadding: number;
  cardRadius: number;
  /** `stage`: stage names, the map's chapter titles, large enough to read at 25 % zoom. */
  font: { title: number; stage: number; h2: number; body: number; small: number; tiny: number };
  line: { title: number; stage: number; h2: number; body: number; small: number; tiny: number };
  emotionHeight: number;
  flowHeight: number;
  personaWidth: number;
  dot: number;
}

export const METRICS: Record<Density, Metrics> = {
  comfortable: {
    mapPadding: 48,
    sectionGap: 32,
    columnWidth: 232,
    labelWidth: 168,
    cellPadding: 10,
    cardGap: 8,
    cardPadding: 12,
    cardRadius: 8,
    font: { title: 32, stage: 28, h2: 16, body: 13, small: 11, tiny: 10 },
    line: { title: 40, stage: 34, h2: 22, body: 18, small: 14, tiny: 13 },
    emotionHeight: 220,
    flowHeight: 72,
    personaWidth: 320,
    dot: 12,
  },
  compact: {
    mapPadding: 32,
    sectionGap: 20,
    columnWidth: 184,
    labelWidth: 136,
    cellPadding: 6,
    cardGap: 6,
    cardPadding: 8,
    cardRadius: 6,
    font: { title: 26, stage: 24, h2: 14, body: 12, small: 10, tiny: 10 },
    line: { title: 32, stage: 29, h2: 18, body: 16, small: 13, tiny: 12 },
    emotionHeight: 170,
    flowHeight: 56,
    personaWidth: 272,
    dot: 10,
  },
};
