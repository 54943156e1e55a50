// The webmail driver over Debian's Firefox ESR, driven by Marionette (Firefox's own WebDriver; Playwright cannot
// drive a stock Firefox): dist/firefox installed as a temporary add-on (`Addon:Install`), the providers' host names
// resolved to loopback (`network.dns.localDomains`), the fixture server's certificate accepted the way WebDriver's
// acceptInsecureCerts does it (the certificate override service, in the chrome context), a French profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Marionette } from '../thunderbird/marionette';
import { HOSTS, ROOT, type FixtureServer } from './fixture-server';
import type { Key, WebmailBrowser, WebmailPage } from './driver';

export const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION = join(ROOT, 'dist/firefox');
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const SHADOW = 'shadow-6066-11e4-a52e-4f735466cecf';
const KEYS: Record<string, string> = { Enter: '\uE007', Space: ' ', Control: '\uE009' };

type Ref = Record<string, string>;

function prefs(port: number): Record<string, string | number | boolean> {
  return {
    'marionette.port': port,
    'network.dns.localDomains': Object.keys(HOSTS).join(','),
    'intl.accept_languages': 'fr-FR, fr',
    'intl.locale.requested': 'fr-FR',
    'browser.shell.checkDefaultBrowser': false,
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.enabled': false,
    'extensions.autoDisableScopes': 0,
    'browser.startup.homepage_override.mstone': 'ignore',
    // mail.google.com is HSTS-preloaded and key-pinned: the fixture server's certificate must still be accepted.
    'network.stricttransportsecurity.preloadlist': false,
    'security.cert_pinning.enforcement_level': 0,
  };
}

class FirefoxPage implements WebmailPage {
  private readonly m: { command<T = unknown>(name: string, params?: Record<string, unknown>): Promise<T> };

  constructor(marionette: Marionette) {
    // Errors name the WebDriver command that failed (Marionette's own say only what was wrong).
    this.m = {
      command: <T>(name: string, params?: Record<string, unknown>) =>
        marionette.command<T>(name, params).catch((e: Error) => Promise.reject(new Error(`${name} ${JSON.stringify(params).slice(0, 200)}: ${e.message}`))),
    };
  }

  private async find(css: string, from?: Ref): Promise<Ref> {
    const r = from
      ? await this.m.command<{ value: Ref }>('WebDriver:FindElementFromShadowRoot', { shadowRoot: from[SHADOW], using: 'css selector', value: css })
      : await this.m.command<{ value: Ref }>('WebDriver:FindElement', { using: 'css selector', value: css });
    return r.value;
  }

  private async keys(chord: string[]): Promise<void> {
    const actions = [...chord.map((k) => ({ type: 'keyDown', value: k })), ...[...chord].reverse().map((k) => ({ type: 'keyUp', value: k }))];
    await this.m.command('WebDriver:PerformActions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.m.command('WebDriver:ReleaseActions');
  }

  async type(css: string, text: string): Promise<void> {
    const el = await this.find(css);
    await this.m.command('WebDriver:ElementClick', { id: el[ELEMENT] });
    await this.m.command('WebDriver:ElementSendKeys', { id: el[ELEMENT], text });
  }

  async typeInFrame(frameCss: string, text: string): Promise<void> {
    const frame = await this.find(frameCss);
    await this.m.command('WebDriver:SwitchToFrame', { id: frame });
    try {
      await this.type('body', text);
    } finally {
      await this.m.command('WebDriver:SwitchToParentFrame');
    }
  }

  async click(css: string): Promise<void> {
    await this.m.command('WebDriver:ElementClick', { id: (await this.find(css))[ELEMENT] });
  }

  async focus(css: string): Promise<void> {
    await this.m.command('WebDriver:ExecuteScript', { script: 'arguments[0].focus()', args: [await this.find(css)] });
  }

  press(key: Key): Promise<void> {
    return this.keys(key.split('+').map((k) => KEYS[k]!));
  }

  async evaluate<T>(expression: string): Promise<T> {
    return (await this.m.command<{ value: T }>('WebDriver:ExecuteScript', { script: `return (${expression});`, args: [] })).value;
  }

  async waitFor(expression: string, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.evaluate<unknown>(expression).catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`firefox: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async clickBanner(action: string): Promise<void> {
    const host = await this.find('vigie-banner');
    const root = (await this.m.command<{ value: Ref }>('WebDriver:GetShadowRoot', { id: host[ELEMENT] })).value;
    const button = await this.find(`button[data-action="${action}"]`, root);
    await this.m.command('WebDriver:ElementClick', { id: button[ELEMENT] });
  }

  async screenshot(path: string): Promise<void> {
    const shot = await this.m.command<{ value: string }>('WebDriver:TakeScreenshot', { full: false, hash: false });
    writeFileSync(path, Buffer.from(shot.value, 'base64'));
  }

  async close(): Promise<void> {
    await this.m.command('WebDriver:Navigate', { url: 'about:blank' });
  }
}

export async function firefoxBrowser(fixtures: FixtureServer): Promise<WebmailBrowser> {
  if (!existsSync(join(FIREFOX_EXTENSION, 'manifest.json'))) throw new Error('dist/firefox is missing: run npm run build first');
  const profile = mkdtempSync(join(tmpdir(), 'vigie-firefox-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(prefs(port))
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n') + '\n',
  );
  const child: ChildProcess = spawn(FIREFOX, ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '-profile', profile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOZ_HEADLESS: '1', MOZ_HEADLESS_WIDTH: '1100', MOZ_HEADLESS_HEIGHT: '760' },
  });
  let m: Marionette;
  try {
    m = await Marionette.connect(port, 45_000, { capabilities: { alwaysMatch: { acceptInsecureCerts: true } }, context: 'content' });
    await m.command('Marionette:SetContext', { value: 'chrome' });
    await m.command('WebDriver:ExecuteScript', {
      script:
        'Cc["@mozilla.org/security/certoverride;1"].getService(Ci.nsICertOverrideService).setDisableAllSecurityChecksAndLetAttackersInterceptMyData(true);',
      args: [],
      sandbox: 'system',
    });
    await m.command('Marionette:SetContext', { value: 'content' });
    await m.command('Addon:Install', { path: FIREFOX_EXTENSION, temporary: true });
  } catch (e) {
    child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const page = new FirefoxPage(m);
  return {
    name: 'firefox',
    url: (host, path) => `https://${host}:${fixtures.port}${path}`,
    async open(url) {
      await m.command('WebDriver:Navigate', { url });
      return page;
    },
    async optionsUrl() {
      // Firefox gives each add-on a random UUID per profile, kept in a preference.
      await m.command('Marionette:SetContext', { value: 'chrome' });
      const uuids = (
        await m.command<{ value: string }>('WebDriver:ExecuteScript', {
          script: 'return Services.prefs.getStringPref("extensions.webextensions.uuids")',
          args: [],
          sandbox: 'system',
        })
      ).value;
      await m.command('Marionette:SetContext', { value: 'content' });
      return `moz-extension://${(JSON.parse(uuids) as Record<string, string>)['webmail@vigie-mssante.fr']}/options.html`;
    },
    async close() {
      await m.quit();
      if (child.exitCode === null) await new Promise((r) => setTimeout(r, 500));
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
