/** Every jest project of the repository; `npm test` runs them all after typecheck and lint. */
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const present = (...dirs) => dirs.filter((d) => existsSync(join(__dirname, d))).map((d) => `<rootDir>/${d}`);
const transform = {
  // PGlite (the embedded audit store) loads Node modules with import(), which jest runs only as require().
  '@electric-sql/pglite/.+\\.cjs$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic', importSource: 'preact' } }, target: 'es2022' },
      module: { type: 'commonjs' },
    },
  ],
};
// jsdom tests (UI components, `@jest-environment jsdom`) resolve packages as Node does: CommonJS builds.
const common = {
  transform,
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  transformIgnorePatterns: ['/node_modules/(?!(preact|openid-client|oauth4webapi|jose|@electric-sql/pglite)/)'],
};
module.exports = {
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'shared', roots: ['<rootDir>/shared'] },
    { ...common, displayName: 'cli', roots: ['<rootDir>/cli'] },
    { ...common, displayName: 'server', roots: ['<rootDir>/server'] },
    { ...common, displayName: 'hosts', roots: present('addin', 'extension', 'manifests') },
    { ...common, displayName: 'integration', roots: ['<rootDir>/test'], testPathIgnorePatterns: ['/test/e2e/', '/test/fixtures/'] },
    // A real headless Thunderbird driven by Marionette (test/e2e/thunderbird/harness.ts).
    { ...common, displayName: 'e2e-thunderbird', roots: present('test/e2e/thunderbird') },
    // The webmail extension in each browser: the same scenarios (test/e2e/webmail/scenarios.ts) in Debian's Chromium
    // under Playwright and in Debian's Firefox ESR under Marionette; Chromium-only flows in test/e2e/chromium/.
    {
      ...common,
      displayName: 'e2e-chromium',
      roots: present('test/e2e/chromium', 'test/e2e/webmail'),
      testMatch: ['**/test/e2e/chromium/**/*.test.ts', '**/test/e2e/webmail/**/chromium*.test.ts'],
    },
    { ...common, displayName: 'e2e-firefox', roots: present('test/e2e/webmail'), testMatch: ['**/test/e2e/webmail/**/firefox*.test.ts'] },
  ],
};
