// Views in the spreadsheet formats (issue 17): the long CSV and .xlsx carry them as `view` records
// (a row per view, field rows for its options, by id or name); the wide grid and Mermaid cannot
// and say so in their `lost` list; bad view rows are problems naming the row and column.
import { describe, expect, it } from 'vitest';
import { exportCsv, exportWideCsv, importCsv } from '../../shared/interop/csv';
import { exportMermaid } from '../../shared/interop/mermaid';
import { exportXlsx, importXlsx } from '../../shared/interop/xlsx';
import { EXAMPLES } from '../../shared/examples/index';
import { loadJourney } from '../../shared/model/envelope';
import { ReportNotes } from '../../shared/interop/report';
import type { Journey } from '../../shared/model/types';

function example(id: string): Journey {
  const r = loadJourney(EXAMPLES.find((e) => e.id === id)!.envelope);
  if (!r.ok) throw new Error(id);
  return r.value.journey;
}

const HEAD = 'record,id,stage,step,lane,lane_type,persona,kind,field,text,value\n';
const BASE = `${HEAD}persona,p-ana,,,,,Ana,,,,\nstage,st-a,Start,,,,,,,,\nstep,s-1,Start,Look,,,,,,,\nlane,l-do,,,Doing,actions,,,,,\nlane,l-back,,,Back office,backstage,,,,,\n`;

describe('views in the long CSV and .xlsx', () => {
  for (const id of ['retail-purchase', 'saas-onboarding', 'public-service-blueprint'])
    it(`${id}: every view and option round-trips through CSV and .xlsx`, () => {
      const j = example(id);
      const csv = importCsv(exportCsv(j));
      expect(csv.ok && csv.value.views).toEqual(j.views);
      const xlsx = importXlsx(exportXlsx(j).data, new ReportNotes());
      expect(xlsx.ok && xlsx.value.views).toEqual(j.views);
    });

  it('reads view rows written by hand: kinds in other words, options by name, top and slide size', () => {
    const text = `${BASE}view,v-1,,,,,,summary,,Board pack,\nview,,,,,,,,top,Board pack,3\nview,v-2,,,,,,Persona,,Ana's view,\nview,v-2,,,,,,,persona,,Ana\nview,v-3,,,,,,service blueprint,,Blueprint,\nview,v-3,,,,,,,lane,,Doing\nview,v-3,,,,,,,lane,,l-back\nview,v-4,,,,,,slides,,Deck,\nview,v-4,,,,,,,slide,,1280x720\nview,v-4,,,,,,,stage,,Start\n`;
    const r = importCsv(text);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.views).toEqual([
      { id: 'v-1', kind: 'executive-summary', name: 'Board pack', options: { personas: [], lanes: [], stages: [], top: 3 } },
      { id: 'v-2', kind: 'persona', name: "Ana's view", options: { personas: ['p-ana'], lanes: [], stages: [] } },
      { id: 'v-3', kind: 'blueprint', name: 'Blueprint', options: { personas: [], lanes: ['l-do', 'l-back'], stages: [] } },
      { id: 'v-4', kind: 'stage-slides', name: 'Deck', options: { personas: [], lanes: [], stages: ['st-a'], slide: { width: 1280, height: 720 } } },
    ]);
  });

  it('reports bad view rows at their row and column, naming the field', () => {
    const bad = (rows: string) => {
      const r = importCsv(`${BASE}${rows}`);
      if (r.ok) throw new Error('expected problems');
      return r.error.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
    };
    expect(bad('view,v-1,,,,,,poster,,Wall,\n').join('\n')).toMatch(/kind.*"poster".*executive-summary/);
    expect(bad('view,v-1,,,,,,summary,,,\n').join('\n')).toMatch(/text.*view's name/);
    expect(bad('view,v-1,,,,,,slides,,Deck,\nview,v-1,,,,,,,slide,,huge\n')).toEqual(['8 row 8, column "value": slide "huge" is not a slide size like 1920x1080 (320 to 7680 px a side)']);
    expect(bad('view,v-1,,,,,,slides,,Deck,\nview,v-1,,,,,,,slide,,100x100\n').join('\n')).toMatch(/^8 .*slide "100x100" is not a slide size/);
    expect(bad('view,v-1,,,,,,summary,,S,\nview,v-1,,,,,,,top,,99\n').join('\n')).toMatch(/^8 .*top is 99; a view lists 1 to 50/);
    expect(bad('view,v-1,,,,,,persona,,Ana,\nview,v-1,,,,,,,persona,,Bob\n').join('\n')).toMatch(/persona "Bob" is not in the sheet/);
    expect(bad('view,v-1,,,,,,persona,,Ana,\n').join('\n')).toMatch(/persona view; choose the persona/);
    expect(bad('view,,,,,,,,top,Nothing,3\n').join('\n')).toMatch(/view "Nothing" has no row of its own/);
    expect(bad('view,v-1,,,,,,summary,,S,\nview,v-1,,,,,,,colour,,red\n').join('\n')).toMatch(/"colour" is not a view field/);
  });
});

describe('formats that cannot carry views say so', () => {
  it('the wide grid and Mermaid list the views they leave out, by name', () => {
    const j = example('saas-onboarding');
    const names = j.views.map((v) => v.name).join(', ');
    expect(exportWideCsv(j).lost.some((l) => l.includes(`5 views (${names})`))).toBe(true);
    expect(exportMermaid(j).lost.some((l) => l.includes(`5 views (${names})`))).toBe(true);
    expect(exportMermaid({ ...j, views: [] }).lost.some((l) => /\bviews?\b/.test(l))).toBe(false);
  });
});
