// `npm run cli` end to end: the real command in a child process for validate, convert and schema
// (exit codes, stdout, stderr, files written), and the same entry in-process for every format pair.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importJourney } from '../../shared/interop/import';
import { loadJourneyText } from '../../shared/model';
import { runCli } from '../harness/cli';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'jm-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = join(root, 'shared/examples/retail-purchase.json');
const fixture = (p: string) => join(root, 'test/fixtures/interop', p);

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/harness/cli.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function inProcess(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, (s) => out.push(s), (s) => err.push(s));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('npm run cli (child process)', () => {
  it('validate: a good journey exits 0 and says what it holds', () => {
    const r = cli('validate', example);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/retail-purchase\.json is a valid journey: 6 stages, 11 steps, 7 lanes, 40 cards/);
    expect(r.stderr).toMatch(/Read as: JSON/);
  }, 60_000);

  it('validate: a bad file exits 1 with every problem and its path', () => {
    const bad = join(dir, 'bad.json');
    const j = JSON.parse(readFileSync(example, 'utf8'));
    j.journey.cards[3].laneId = 'painz';
    j.journey.updated = 'last Tuesday';
    writeFileSync(bad, JSON.stringify(j));
    const r = cli('validate', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/journey\.updated: is not a date like 2026-03-31/);
    expect(r.stderr).toMatch(/journey\.cards\[3\]\.laneId: Card ".*" is in lane "painz", which does not exist/);
  }, 60_000);

  it('convert: JSON → .xlsx → CSV (wide) → JSON, by extension, with the report on stderr', () => {
    const xlsx = join(dir, 'retail.xlsx');
    expect(cli('convert', example, xlsx).code).toBe(0);
    const back = join(dir, 'retail.json');
    const r = cli('convert', xlsx, back);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Read as: Excel workbook \(\.xlsx\), long layout/);
    const original = loadJourneyText(readFileSync(example, 'utf8'));
    const again = loadJourneyText(readFileSync(back, 'utf8'));
    expect(again.ok && original.ok && again.value.journey).toEqual(original.ok && original.value.journey);
    const wide = cli('convert', xlsx, join(dir, 'wide.csv'), '--layout', 'wide');
    expect(wide.code).toBe(0);
    expect(wide.stderr).toMatch(/wide\.csv cannot hold: .*links/);
  }, 120_000);

  it('schema: prints the JSON Schema', () => {
    const r = cli('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ $id: 'https://journey-mapper.dev/schema/journey.v2.json' });
  }, 60_000);
});

describe('npm run cli (in process)', () => {
  it('converts between every pair of formats', () => {
    const ins = [example, fixture('mermaid-world/01-scores-to-ten.mmd'), fixture('libreoffice/researcher-wide.xlsx'), fixture('libreoffice/western-macroman.csv')];
    for (const input of ins)
      for (const ext of ['json', 'csv', 'tsv', 'xlsx', 'mmd', 'md']) {
        const out = join(dir, `out.${ext}`);
        const r = inProcess('convert', input, out);
        expect(r.code, `${input} → ${ext}: ${r.stderr}`).toBe(0);
        if (ext !== 'md') expect(importJourney(new Uint8Array(readFileSync(out)), { fileName: out }).ok, `${input} → ${ext} reads back`).toBe(true);
      }
  }, 60_000);

  it('joins a metrics sheet into the journey given with --into', () => {
    const base = join(dir, 'base.json');
    expect(inProcess('convert', fixture('libreoffice/source-researcher-long.csv'), base).code).toBe(0);
    const out = join(dir, 'with-metrics.json');
    const r = inProcess('convert', fixture('libreoffice/metrics.xlsx'), out, '--into', base);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Not imported:\n {2}- row 6, column "stage": stage "Quote" is not in the journey/);
    expect(inProcess('validate', fixture('libreoffice/metrics.xlsx')).stderr).toMatch(/is a metrics sheet/);
  });

  it('explains usage mistakes with exit code 2, and missing files with 1', () => {
    expect(inProcess('convert', example, join(dir, 'x.docx'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/extension says no format/) });
    expect(inProcess('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command "frobnicate"/) });
    expect(inProcess('validate', join(dir, 'nope.csv'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/no such file/) });
    expect(inProcess('validate', dir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/is a folder/) });
    expect(inProcess('convert', example, join(dir, 'a.csv'), '--layout', 'diagonal')).toMatchObject({ code: 2 });
  });
});

describe('npm run cli: diff and health', () => {
  const edited = join(dir, 'edited.json');
  const j = JSON.parse(readFileSync(example, 'utf8'));
  j.journey.stages[2].name = 'Purchase';
  writeFileSync(edited, JSON.stringify(j));

  it('diff: a Markdown changelog from A to B, or JSON', () => {
    const md = inProcess('diff', example, edited);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('From retail-purchase.json to edited.json.');
    expect(md.stdout).toContain('- Stage “Buy” renamed to “Purchase”.');
    const json = inProcess('diff', example, edited, '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'journey-mapper-changelog', counts: { changed: 1 } });
    expect(inProcess('diff', example, example).stdout).toContain('**No changes.**');
    expect(inProcess('diff', example).code).toBe(2);
  });

  it('health: lists findings and exits 1 when a chosen rule finds something (child process)', () => {
    const all = cli('health', example, '--today', '2026-11-30');
    expect(all.stdout.trim().split('\n').every((l) => /^\w+\tcards\[\d+\]|^\w+\t(stages|evidence)\[\d+\]|^\w+\t(reviewBy|review)\t/.test(l))).toBe(true);
    const rules = new Set(all.stdout.trim().split('\n').map((l) => l.split('\t')[0]));
    expect(all.code).toBe(all.stdout.trim() ? 1 : 0);
    // Reporting only: exit 0 whatever it finds.
    expect(cli('health', example, '--fail', 'none').code).toBe(0);
    // A rule that finds nothing passes.
    const quiet = ['noEvidence', 'weakEvidence', 'oldEvidence', 'noOwner', 'noMetrics', 'reviewOverdue', 'staleReview'].find((r) => !rules.has(r));
    if (quiet) expect(cli('health', example, '--fail', quiet, '--today', '2026-11-30').code).toBe(0);
    expect(cli('health', example, '--fail', 'noSuchRule').code).toBe(2);
  }, 60_000);

  it('health --max-age: evidence older than the chosen days fails oldEvidence; a bad value is refused', () => {
    const dated = join(dir, 'dated.json');
    const d = JSON.parse(readFileSync(example, 'utf8'));
    d.journey.evidence = d.journey.evidence.map((e: Record<string, unknown>, i: number) => ({ ...e, date: i === 0 ? '2026-06-03' : '2026-11-20' }));
    writeFileSync(dated, JSON.stringify(d));
    const args = ['health', dated, '--today', '2026-11-30', '--fail', 'oldEvidence'] as const;
    expect(inProcess(...args)).toMatchObject({ code: 0 });
    const strict = inProcess(...args, '--max-age', '90');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^oldEvidence\tevidence\[0\]\t.*is 180 days old .*older than 90 days/m);
    expect(strict.stdout.match(/^oldEvidence/gm)).toHaveLength(1);
    expect(inProcess(...args, '--max-age', 'ninety')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--max-age must be a whole number of days; got "ninety"/) });
  });
});
