// Lint for the whole repository. The one rule that matters most: `shared/` stays platform-blind.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const hostGlobals = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'navigator',
  'Office',
  'browser',
  'chrome',
  'messenger',
  'XMLHttpRequest',
  'process',
  'Buffer',
  '__dirname',
  'require',
];
const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export const sharedBoundary = {
  files: ['shared/**/*.ts', 'shared/**/*.tsx'],
  ignores: ['shared/**/*.test.ts', 'shared/**/*.test.tsx', 'shared/testing/**'],
  rules: {
    'no-restricted-globals': [
      'error',
      ...hostGlobals.map((name) => ({ name, message: `shared/ is platform-blind: ${name} belongs to a host adapter; pass it in through shared/ports.` })),
    ],
    'no-restricted-imports': [
      'error',
      {
        paths: nodeModules.map((name) => ({ name, message: 'shared/ is platform-blind: Node modules belong in cli/ or server/.' })),
        patterns: [
          { group: ['node:*'], message: 'shared/ is platform-blind: Node modules belong in cli/ or server/.' },
          {
            group: ['webextension-polyfill', '@microsoft/office-js', 'office-js', 'playwright*', 'xml-crypto'],
            message: 'shared/ is platform-blind: host APIs belong in addin/ or extension/.',
          },
          {
            group: ['**/addin/**', '**/extension/**', '**/server/**', '**/cli/**', '../../addin*', '../../extension*', '../../server*', '../../cli*'],
            message: 'shared/ must not depend on a host.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.cjs', 'test/fixtures/**', '.vigie-local/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  sharedBoundary,
);
