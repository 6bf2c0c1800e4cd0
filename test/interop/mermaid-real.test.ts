// Mermaid as Mermaid reads it: every export is parsed by the real `mermaid` package and must mean
// the same journey (sections, tasks, scores, actors, title, description); the documentation's
// examples and diagrams shaped like real-world ones (scores above 5, more than ten actors,
// comments, "#" in accDescr, "%%" in names, blank scores) parse in Mermaid and import here with
// the same sections, tasks and actors, and the import report says what was changed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportMermaid, importMermaid, scoreToValue, valueToScore } from '../../shared/interop/mermaid';
import { ReportNotes } from '../../shared/interop/report';
import type { Journey } from '../../shared/model';
import { loadJourneyText } from '../../shared/model';
import { arbitraryJourney } from '../support/arbitrary-journey';
import { parseWithMermaid, type MermaidJourney } from './support/real-mermaid';

const fixtures = join(import.meta.dirname, '../fixtures/interop');
const world = join(fixtures, 'mermaid-world');
const read = (p: string) => readFileSync(p, 'utf8');
const oneLine = (t: string) => t.trim().replace(/\s*(\r\n|\r|\n)\s*/g, ' ');
const must = (r: ReturnType<typeof importMermaid>): Journey => {
  if (!r.ok) throw new Error(JSON.stringify(r.error, null, 1));
  return r.value;
};

/** (section, task, actor) → score, as Mermaid reads the diagram; empty actors left out. */
function mermaidScores(m: MermaidJourney): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of m.tasks) for (const p of t.people) if (p.trim()) out.set(`${t.section.trim()}|${t.task.trim()}|${p.trim()}`, t.score);
  return out;
}

/** (stage, step, persona) → value, as the journey holds it. */
function journeyValues(j: Journey): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of j.curves) {
    const persona = j.personas.find((p) => p.id === c.personaId)!.name;
    for (const pt of c.points) {
      const stage = j.stages.find((s) => s.steps.some((st) => st.id === pt.stepId))!;
      const step = stage.steps.find((st) => st.id === pt.stepId)!;
      out.set(`${stage.name}|${step.name}|${persona}`, pt.value);
    }
  }
  return out;
}

describe('every Mermaid export parses in the real Mermaid with the same meaning', () => {
  const distinct = (j: Journey): Journey => ({ ...j, personas: j.personas.map((p, k) => ({ ...p, name: `${oneLine(p.name) || 'P'} ${k}` })) });

  async function sameMeaning(j: Journey): Promise<void> {
    const out = exportMermaid(j);
    expect(out.text).not.toMatch(/<br/i);
    const m = await parseWithMermaid(out.text);
    expect(m.title.trim()).toBe(oneLine(j.title));
    if (j.description?.trim()) expect(m.accDescr.replace(/\s+/g, ' ')).toBe(j.description.trim().replace(/\s+/g, ' '));
    expect(m.sections.map((s) => s.trim())).toEqual(j.stages.map((s) => oneLine(s.name)));
    const tasks = m.tasks.map((t) => `${t.section.trim()}|${t.task.trim()}`).filter((k, i, a) => i === 0 || a[i - 1] !== k);
    const steps = j.stages.flatMap((s) => s.steps.map((st) => `${oneLine(s.name)}|${oneLine(st.name) || 'Step'}`)).filter((k, i, a) => i === 0 || a[i - 1] !== k);
    expect(tasks).toEqual(steps);
    const expected = new Map<string, number>();
    for (const p of j.personas) {
      const c = j.curves.filter((x) => x.personaId === p.id).sort((a, b) => Number(b.kind === 'as-is') - Number(a.kind === 'as-is'))[0];
      for (const pt of c?.points ?? []) {
        const stage = j.stages.find((s) => s.steps.some((st) => st.id === pt.stepId))!;
        const step = stage.steps.find((st) => st.id === pt.stepId)!;
        expected.set(`${oneLine(stage.name)}|${oneLine(step.name) || 'Step'}|${oneLine(p.name)}`, valueToScore(pt.value, j.emotionScale));
      }
    }
    expect(mermaidScores(m)).toEqual(expected);
  }

  it('the bundled examples', async () => {
    for (const f of ['retail-purchase.json', 'saas-onboarding.json', 'public-service-blueprint.json']) {
      const r = loadJourneyText(read(join(import.meta.dirname, '../../shared/examples', f)));
      if (!r.ok) throw new Error(f);
      await sameMeaning(r.value.journey);
    }
  }, 60_000);

  it('random journeys with full-unicode names (property, 80 cases)', async () => {
    await fc.assert(fc.asyncProperty(arbitraryJourney().map(distinct), sameMeaning), { numRuns: 80 });
  }, 120_000);

  it('names with syntax characters, keywords, line breaks and a description with #1; %% ; { }', async () => {
    const j = must(importMermaid('journey\nsection S\n  a: 3: Ann\n  b: 4: Ann\n'));
    const tricky: Journey = {
      ...j,
      title: 'Top #1; issue: %% 50% off; <b>',
      description: 'Call #1 team; then #constructor; %% ok\nsecond {line}',
      stages: [{ ...j.stages[0]!, name: 'section: title #2', steps: [{ ...j.stages[0]!.steps[0]!, name: 'journey starts\nhere' }, { ...j.stages[0]!.steps[1]!, name: 'a%%b; c #35; d' }] }],
      personas: [{ ...j.personas[0]!, name: 'Ann, the "buyer": 1st' }],
    };
    await sameMeaning(tricky);
    const back = must(importMermaid(exportMermaid(tricky).text));
    expect(back.description).toBe(tricky.description);
    expect(back.title).toBe(tricky.title);
  }, 60_000);

  it('an empty stage and steps without scores come back without an invented persona', async () => {
    const j = must(importMermaid('journey\nsection A\n  a: 3: Ann\nsection Empty\n'));
    const out = exportMermaid(j);
    await sameMeaning(j);
    const back = must(importMermaid(out.text));
    expect(back.personas.map((p) => p.name)).toEqual(['Ann']);
    const none = { ...j, personas: [], curves: [], lanes: [] };
    const again = must(importMermaid(exportMermaid(none).text));
    expect(again.personas).toEqual([]);
    expect(again.stages.map((s) => s.steps.map((st) => st.name))).toEqual([['a'], ['Empty']]);
  }, 60_000);
});

describe('diagrams shaped like real-world ones import as Mermaid reads them', () => {
  const docs = readdirSync(fixtures).filter((f) => f.startsWith('mermaid-') && f.endsWith('.mmd')).map((f) => join(fixtures, f));
  const shaped = readdirSync(world).map((f) => join(world, f));
  it('has the documentation examples and at least 10 real-world-shaped diagrams', () => {
    expect(docs.length).toBeGreaterThanOrEqual(6);
    expect(shaped.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of [...docs, ...shaped]) {
    it(`${file.split('/').slice(-2).join('/')}: Mermaid and Journey Mapper agree on sections, tasks and actors`, async () => {
      const text = read(file);
      const m = await parseWithMermaid(text);
      const notes = new ReportNotes();
      const j = must(importMermaid(text, { notes }));
      const named = m.sections.filter((s) => s.trim() !== '').map((s) => oneLine(s.replace(/<\/?br\s*\/?>/gi, '\n')));
      expect(j.stages.map((s) => oneLine(s.name)).filter((n) => n !== 'Journey')).toEqual(named.length ? named : j.stages.map((s) => oneLine(s.name)).filter((n) => n !== 'Journey'));
      const ours = journeyValues(j);
      const theirs = mermaidScores(m);
      const personas = new Set(j.personas.map((p) => p.name));
      let blanks = 0;
      for (const [key, score] of theirs) {
        const [section, task, actor] = key.split('|') as [string, string, string];
        if (!personas.has(actor)) continue; // over the persona limit: reported
        const value = ours.get(`${section || 'Journey'}|${task}|${actor}`);
        if (value === undefined && score === 0) {
          // A blank score: Mermaid draws 0, Journey Mapper keeps no value and says so.
          expect(notes.changed.map((n) => n.message).join('\n')).toContain(`task ${JSON.stringify(task)} has no score`);
          blanks++;
          continue;
        }
        expect(value, key).toBeDefined();
        if ([...theirs.values()].every((s) => s >= 0 && s <= 5)) expect(value).toBe(scoreToValue(score, j.emotionScale));
      }
      expect(ours.size).toBe([...theirs.keys()].filter((k) => personas.has(k.split('|')[2]!)).length - blanks);
    }, 60_000);
  }

  it('scores above 5 are mapped with one note, not refused', () => {
    const notes = new ReportNotes();
    const j = must(importMermaid(read(join(world, '01-scores-to-ten.mmd')), { notes }));
    expect(notes.changed.filter((n) => /scale/.test(n.message))).toHaveLength(1);
    expect(notes.changed[0]!.message).toMatch(/on a 1–10 scale, mapped linearly onto the journey's −2…\+2 \(1 → -2, /);
    expect(Math.max(...j.curves.flatMap((c) => c.points.map((p) => p.value)))).toBe(2);
    const pct = new ReportNotes();
    must(importMermaid(read(join(world, '08-percent-scores.mmd')), { notes: pct }));
    expect(pct.changed[0]!.message).toMatch(/0–100/);
  });

  it('more than ten actors: the first ten are personas, the rest are reported with their line', () => {
    const notes = new ReportNotes();
    const j = must(importMermaid(read(join(world, '05-twelve-actors.mmd')), { notes }));
    expect(j.personas).toHaveLength(10);
    const skipped = notes.notImported.map((n) => [n.line, n.message]);
    expect(skipped).toEqual([
      [13, expect.stringMatching(/^actor "District nurse" was not imported: a journey has at most 10 personas/)],
      [13, expect.stringMatching(/^actor "Social worker" was not imported/)],
      [13, expect.stringMatching(/^actor "Physiotherapist" was not imported/)],
    ]);
  });

  it('keeps "#" in accDescr and "%%" inside names; reads a blank score as no value, with notes', () => {
    const acc = must(importMermaid(read(join(world, '07-acc-and-hash.mmd'))));
    expect(acc.description).toBe('Call #1 team first; escalate to #2 only for refunds');
    expect(acc.stages[0]!.steps[1]!.name).toBe('Talk to team #1');
    const notes = new ReportNotes();
    const j = must(importMermaid(read(join(world, '09-blank-score-and-percent-in-name.mmd')), { notes }));
    expect(j.stages[0]!.steps.map((s) => s.name)).toEqual(['Signs up', 'Invites the team', 'Sees 100%% of features']);
    expect(j.curves[0]!.points.map((p) => p.stepId)).not.toContain(j.stages[0]!.steps[1]!.id);
    expect(notes.changed.map((n) => n.message).join('\n')).toMatch(/"Invites the team" has no score/);
  });

  it('reads a single-% line as a comment with a note naming the line; an unclosed accDescr { as Mermaid does', () => {
    const notes = new ReportNotes();
    const j = must(importMermaid('journey\n  % not scored yet\n  section S\n    a: 3: Me\n', { notes }));
    expect(j.stages[0]!.steps.map((s) => s.name)).toEqual(['a']);
    expect(notes.changed[0]).toMatchObject({ line: 2, message: expect.stringMatching(/single "%"/) });
    const open = new ReportNotes();
    const d = must(importMermaid('journey\nsection S\n  a: 3: Me\naccDescr {\n  never closed\n  b: 4: Me\n', { notes: open }));
    expect(d.description).toBe('never closed\nb: 4: Me');
    expect(open.changed[0]).toMatchObject({ line: 4 });
  });

  it('refuses what Mermaid refuses, naming line and column', () => {
    const r = importMermaid('journey\nsection S\n  Make tea\n  Pay; now: 3: Me\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => [p.line, p.column])).toEqual([
      [3, 3],
      [4, 3],
      [4, 6],
    ]);
  });
});
