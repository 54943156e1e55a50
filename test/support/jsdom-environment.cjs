// jsdom for UI component tests, with the Web APIs Node has and jsdom lacks (TextEncoder, crypto, structuredClone).
const { TestEnvironment } = require('jest-environment-jsdom');
const { TextEncoder, TextDecoder } = require('node:util');
const { webcrypto } = require('node:crypto');

class VigieJsdomEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(
      {
        ...config,
        projectConfig: {
          ...config.projectConfig,
          testEnvironmentOptions: { ...config.projectConfig.testEnvironmentOptions, customExportConditions: ['node', 'require', 'default'] },
        },
      },
      context,
    );
    Object.assign(this.global, { TextEncoder, TextDecoder, structuredClone });
    Object.defineProperty(this.global, 'crypto', { value: webcrypto, configurable: true });
  }
}
module.exports = VigieJsdomEnvironment;
