// The webmail driver over Playwright and Debian's Chromium (the launch itself is test/e2e/chromium/harness.ts).
import type { Page } from 'playwright-core';
import { launch, type Browser } from '../chromium/harness';
import type { FixtureServer } from './fixture-server';
import type { Key, WebmailBrowser, WebmailPage } from './driver';

function wrap(page: Page): WebmailPage {
  return {
    async type(css, text) {
      await page.click(css);
      await page.keyboard.type(text);
    },
    async typeInFrame(frameCss, text) {
      await page.frameLocator(frameCss).locator('body').click();
      await page.keyboard.type(text);
    },
    click: (css) => page.click(css),
    focus: (css) => page.focus(css),
    press: (key: Key) => page.keyboard.press(key),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    async waitFor(expression, what, timeoutMs = 10_000) {
      await page.waitForFunction(expression, undefined, { timeout: timeoutMs }).catch((e: Error) => {
        throw new Error(`chromium: timed out waiting for ${what} (${e.message.split('\n')[0]})`);
      });
    },
    clickBanner: (action) => page.locator(`vigie-banner button[data-action="${action}"]`).click(),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  };
}

export async function chromiumBrowser(fixtures: FixtureServer): Promise<WebmailBrowser & { harness: Browser }> {
  const harness = await launch(fixtures);
  return {
    name: 'chromium',
    harness,
    // Chromium maps the host names to the fixture server's port itself (--host-resolver-rules).
    url: (host, path) => `https://${host}${path}`,
    async open(url) {
      const page = await harness.context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    optionsUrl: async () => `chrome-extension://${harness.extensionId}/options.html`,
    close: () => harness.close(),
  };
}
