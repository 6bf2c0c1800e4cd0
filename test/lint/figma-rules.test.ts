// Proves that `npm run lint` really runs Figma's official rules (@figma/eslint-plugin-figma-plugins)
// with type information: a probe that calls deprecated sync APIs must trip them. The probe is linted
// through ESLint's Node API with the repo's own eslint.config.mjs, as the text of plugin/main.ts
// (typescript-eslint's program reads the linted text in place of the file on disk), so the real
// tsconfig project, with the Figma typings, resolves `figma`. The whole tree with 0 warnings is
// `npm run lint`, which `npm test` runs before vitest.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// typescript-eslint builds its program once from the files on disk when it thinks it runs in CI
// (CI=true: "single run" inference), which would lint plugin/main.ts instead of the probe's text.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } },
});

const PROBE = `export async function probe(p: PageNode, other: PageNode): Promise<void> {
  figma.getNodeById('1:2');
  figma.currentPage = p;
  figma.on('documentchange', () => {});
  await figma.setCurrentPageAsync(other);
}
`;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

describe("Figma's lint rules", () => {
  it('fire on deprecated sync calls in plugin code (typed: they need the Figma typings)', async () => {
    const [result] = await eslint.lintText(PROBE, { filePath: join(root, 'plugin/main.ts') });
    const fired = result!.messages.map((m) => `${m.line} ${m.ruleId}`);
    expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
    expect(fired).toEqual([
      '2 @figma/figma-plugins/ban-deprecated-sync-methods',
      '3 @figma/figma-plugins/ban-deprecated-sync-prop-setters',
      '4 @figma/figma-plugins/dynamic-page-documentchange-event-advice',
    ]);
    // The documentchange advice is a warning: `--max-warnings 0` in `npm run lint` makes it fail too.
    expect(result!.messages.map((m) => m.severity)).toEqual([2, 2, 1]);
  }, 60_000);

  it('the same text is clean when it uses the async APIs', async () => {
    const fixed = `export async function probe(other: PageNode): Promise<void> {
  await figma.getNodeByIdAsync('1:2');
  await figma.setCurrentPageAsync(other);
  other.on('nodechange', () => {});
}
`;
    const [result] = await eslint.lintText(fixed, { filePath: join(root, 'plugin/main.ts') });
    expect(result!.messages).toEqual([]);
  }, 60_000);

  it('cover every .ts file in plugin/ and shared/, each with its own folder\'s tsconfig', async () => {
    const files = [...tsFiles(join(root, 'plugin')), ...tsFiles(join(root, 'shared'))];
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      expect(await eslint.isPathIgnored(f), f).toBe(false);
      const config = (await eslint.calculateConfigForFile(f)) as { rules: Record<string, unknown>; languageOptions: { parserOptions: { project: string } } };
      expect(Object.keys(config.rules), f).toContain('@figma/figma-plugins/ban-deprecated-sync-methods');
      expect(config.languageOptions.parserOptions.project, f).toBe(f.startsWith('plugin/') ? './plugin/tsconfig.json' : './shared/tsconfig.json');
    }
  }, 60_000);
});
