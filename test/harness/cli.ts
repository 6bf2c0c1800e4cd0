// The command line for journeys kept in git:
//   npm run cli -- validate FILE [--into JOURNEY]        every problem and its path; exit 1 if any
//   npm run cli -- convert IN OUT [--layout long|wide] [--delimiter ,|;|tab] [--into JOURNEY]
//   npm run cli -- schema                                 the JSON Schema of the journey format
//   npm run cli -- diff A B [--format md|json]            what changed from A to B: a Markdown or JSON changelog
//   npm run cli -- health FILE [--fail RULES] [--max-age DAYS] [--today YYYY-MM-DD]
//                                                         evidence health; exit 1 when a --fail rule finds something
// Formats by extension: .json, .csv/.tsv/.txt, .xlsx, .mmd (Mermaid `journey`), .md (in: a
// Markdown file's ```mermaid journey; out: the stakeholder summary). A metrics sheet is joined
// into the journey given with --into. The import report goes to stderr.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { exportCsv, exportWideCsv } from '../../shared/interop/csv';
import { importJourney, type ImportResult } from '../../shared/interop/import';
import { toMarkdownSummary } from '../../shared/interop/markdown';
import { exportMermaid } from '../../shared/interop/mermaid';
import { formatReport } from '../../shared/interop/report';
import { exportXlsx } from '../../shared/interop/xlsx';
import '../../shared/interop/xlsx/inflate-fflate'; // .xlsx files saved by spreadsheet programs are deflated
import { serializeJourney } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import { formatProblem } from '../../shared/result';
import { buildJsonSchema } from './gen-json-schema';
import { toChangelogJson, toChangelogMarkdown, diffJourneys } from '../../shared/diff';
import { HEALTH_RULES, journeyHealth, type HealthRule } from '../../shared/review/health';

const USAGE = `Usage:
  npm run cli -- validate FILE [--into JOURNEY.json]
  npm run cli -- convert IN OUT [--layout long|wide] [--delimiter ,|;|tab] [--into JOURNEY.json]
  npm run cli -- schema
  npm run cli -- diff A B [--format md|json]
  npm run cli -- health FILE [--fail RULE,RULE|all|none] [--max-age DAYS] [--today YYYY-MM-DD]
Formats by extension: .json .csv .tsv .txt .xlsx .mmd .md`;

class CliError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

const OUT_FORMATS = ['.json', '.csv', '.tsv', '.txt', '.xlsx', '.mmd', '.mermaid', '.md'];

function readInput(file: string): Uint8Array {
  if (!existsSync(file)) throw new CliError(`cannot read "${file}": no such file`);
  if (statSync(file).isDirectory()) throw new CliError(`cannot read "${file}": it is a folder, not a file`);
  return new Uint8Array(readFileSync(file));
}

function load(file: string, into: string | undefined, err: (s: string) => void): ImportResult {
  const options: { fileName: string; into?: Journey } = { fileName: basename(file) };
  if (into) {
    const base = importJourney(readInput(into), { fileName: basename(into) });
    if (!base.ok) throw new CliError(`--into "${into}" is not a journey:\n${base.error.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    options.into = base.value;
  }
  const r = importJourney(readInput(file), options);
  err(`${file}\n${formatReport(r.report, r.ok ? [] : r.error)}`);
  return r;
}

function write(journey: Journey, out: string, values: { layout: string; delimiter: string }, err: (s: string) => void): void {
  const ext = extname(out).toLowerCase();
  const wide = values.layout === 'wide';
  const delimiter = ext === '.tsv' || values.delimiter === 'tab' ? '\t' : values.delimiter === ';' ? ';' : ',';
  const lost = (l: string[]) => l.length && err(`${basename(out)} cannot hold: ${l.join('; ')}`);
  switch (ext) {
    case '.json':
      return writeFileSync(out, `${serializeJourney(journey)}\n`);
    case '.csv':
    case '.tsv':
    case '.txt':
      if (!wide) return writeFileSync(out, exportCsv(journey, { delimiter }));
      return (() => {
        const w = exportWideCsv(journey, { delimiter });
        lost(w.lost);
        writeFileSync(out, w.data);
      })();
    case '.xlsx': {
      const x = exportXlsx(journey, wide ? 'wide' : 'long');
      lost(x.lost);
      return writeFileSync(out, x.data);
    }
    case '.mmd':
    case '.mermaid': {
      const m = exportMermaid(journey);
      lost(m.lost);
      return writeFileSync(out, m.text);
    }
    case '.md':
      return writeFileSync(out, toMarkdownSummary(journey));
    default:
      throw new CliError(`cannot write "${out}": the extension says no format; use one of ${OUT_FORMATS.join(' ')}`, 2);
  }
}

/** Runs the CLI; returns the exit code. Output goes through `out` and `err`. */
export function runCli(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`), err: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'md' },
        fail: { type: 'string', default: 'all' },
        'max-age': { type: 'string' },
        today: { type: 'string' },
        into: { type: 'string' },
        layout: { type: 'string', default: 'long' }, delimiter: { type: 'string', default: ',' }, help: { type: 'boolean', short: 'h' } },
    });
    const [command, ...files] = positionals;
    if (values.help || !command) {
      out(USAGE);
      return values.help ? 0 : 2;
    }
    if (!['long', 'wide'].includes(values.layout)) throw new CliError(`--layout must be long or wide; got "${values.layout}"`, 2);
    if (command === 'schema') {
      out(JSON.stringify(buildJsonSchema(), null, 2));
      return 0;
    }
    if (command === 'validate') {
      if (files.length !== 1) throw new CliError(`validate takes one file\n${USAGE}`, 2);
      const r = load(files[0]!, values.into, err);
      if (!r.ok) return 1;
      out(`${files[0]} is a valid journey: ${r.report.imported.join(', ')}`);
      return 0;
    }
    if (command === 'convert') {
      if (files.length !== 2) throw new CliError(`convert takes an input and an output file\n${USAGE}`, 2);
      const [input, output] = files as [string, string];
      if (!OUT_FORMATS.includes(extname(output).toLowerCase())) throw new CliError(`cannot write "${output}": the extension says no format; use one of ${OUT_FORMATS.join(' ')}`, 2);
      const r = load(input, values.into, err);
      if (!r.ok) return 1;
      write(r.value, output, values, err);
      out(`wrote ${output}`);
      return 0;
    }
    if (command === 'diff') {
      if (files.length !== 2) throw new CliError(`diff takes two journey files\n${USAGE}`, 2);
      if (!['md', 'json'].includes(values.format)) throw new CliError(`--format must be md or json; got "${values.format}"`, 2);
      const [fa, fb] = files as [string, string];
      const a = load(fa, undefined, err);
      const b = load(fb, undefined, err);
      if (!a.ok || !b.ok) return 1;
      const diff = diffJourneys(a.value, b.value);
      const sides = { from: basename(fa), to: basename(fb) };
      out(values.format === 'json' ? JSON.stringify(toChangelogJson(diff, a.value, b.value, sides), null, 2) : toChangelogMarkdown(diff, a.value, b.value, sides).trimEnd());
      return 0;
    }
    if (command === 'health') {
      if (files.length !== 1) throw new CliError(`health takes one journey file\n${USAGE}`, 2);
      const fail = values.fail === 'all' ? [...HEALTH_RULES] : values.fail === 'none' ? [] : values.fail.split(',').map((r) => r.trim());
      const unknown = fail.filter((r) => !(HEALTH_RULES as readonly string[]).includes(r));
      if (unknown.length) throw new CliError(`--fail: unknown rule ${unknown.map((r) => `"${r}"`).join(', ')}; rules are ${HEALTH_RULES.join(', ')}`, 2);
      const today = values.today ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new CliError(`--today must be a date like 2026-03-31; got "${today}"`, 2);
      const maxAge = values['max-age'] === undefined ? undefined : Number(values['max-age']);
      if (maxAge !== undefined && !(Number.isInteger(maxAge) && maxAge >= 0)) throw new CliError(`--max-age must be a whole number of days; got "${values['max-age']}"`, 2);
      const r = load(files[0]!, undefined, err);
      if (!r.ok) return 1;
      const findings = journeyHealth(r.value, { today, ...(maxAge === undefined ? {} : { maxEvidenceAgeDays: maxAge }) });
      for (const f of findings) out(`${f.rule}\t${f.path}\t${f.text}`);
      const failing = findings.filter((f) => fail.includes(f.rule as HealthRule));
      err(`${findings.length} finding${findings.length === 1 ? '' : 's'}; ${failing.length} in rules that fail (${fail.length ? fail.join(', ') : 'none'}).`);
      return failing.length ? 1 : 0;
    }
    throw new CliError(`unknown command "${command}"\n${USAGE}`, 2);
  } catch (e) {
    if (e instanceof CliError) {
      err(e.message);
      return e.code;
    }
    if (e instanceof TypeError && /parseArgs|Unknown option|option/i.test(e.message)) {
      err(`${e.message}\n${USAGE}`);
      return 2;
    }
    err(`failed: ${(e as Error).message}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli.ts')) process.exitCode = runCli(process.argv.slice(2));
