// Figma's official lint rules (@figma/eslint-plugin-figma-plugins) over the sandbox code and the
// pure code it bundles. The rules are typed: they ask TypeScript whether a call's receiver is a
// Figma API type, so each folder is linted with its own tsconfig (plugin/ sees the Figma typings,
// shared/ does not). typescript-eslint needs TypeScript's JS API, which the native compiler
// (TypeScript 7, used by `npm run typecheck`) does not have: it runs on the `typescript` 5.9
// package instead (see the README's dependency section).
import figmaPlugin from '@figma/eslint-plugin-figma-plugins';
import tseslint from 'typescript-eslint';

const rules = figmaPlugin.flatConfigs.recommended.rules;
const plugins = figmaPlugin.flatConfigs.recommended.plugins;

export default [
  { ignores: ['dist/**', 'node_modules/**', 'ui/**', 'test/**'] },
  {
    files: ['plugin/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './plugin/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins,
    rules,
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './shared/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins,
    rules,
  },
];
