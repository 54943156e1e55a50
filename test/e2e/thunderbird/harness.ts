// The real-Thunderbird harness: Debian's Thunderbird run headless from a private application folder (symbolic links
// to /usr/lib/thunderbird plus its own distribution/policies.json, so the test needs no root and leaves the system's
// policies alone), a fresh profile with an MSSanté identity whose SMTP server is a local sink, the built XPI, and
// Marionette to drive it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { Marionette } from './marionette';

export const TB_LIB = '/usr/lib/thunderbird';

export function thunderbirdInstalled(): boolean {
  return existsSync(join(TB_LIB, 'thunderbird-bin'));
}

export function thunderbirdVersion(): string {
  const r = spawnSync(join(TB_LIB, 'thunderbird-bin'), ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return (r.stdout || '').trim();
}

const created: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `vigie-tb-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Removes every folder tempDir made (profiles, application copies, server homes). */
export function removeTempDirs(): void {
  for (const d of created.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/**
 * A private copy of the Thunderbird application folder: the binary copied (so Thunderbird takes this folder as its
 * own), everything else linked, and `distribution/policies.json` as given.
 */
export function appDirWithPolicies(policies: unknown): string {
  const dir = join(tempDir('app'), 'thunderbird');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(TB_LIB)) {
    if (name === 'thunderbird-bin' || name === 'thunderbird' || name === 'distribution') continue;
    let target: string;
    try {
      target = realpathSync(join(TB_LIB, name));
    } catch {
      continue; // a dangling link of the package (e.g. dictionaries)
    }
    symlinkSync(target, join(dir, name));
  }
  copyFileSync(join(TB_LIB, 'thunderbird-bin'), join(dir, 'thunderbird-bin'));
  mkdirSync(join(dir, 'distribution'));
  writeFileSync(join(dir, 'distribution', 'policies.json'), JSON.stringify({ policies }, null, 2));
  return dir;
}

export interface ProfileOptions {
  smtpPort: number;
  marionettePort: number;
  identity: { name: string; email: string };
  /** Sideloads the XPI into the profile (extensions/<id>.xpi). */
  xpi?: { path: string; id: string };
  prefs?: Record<string, string | number | boolean>;
}

export function makeProfile(o: ProfileOptions): string {
  const dir = tempDir('profile');
  mkdirSync(join(dir, 'home'));
  const prefs: Record<string, string | number | boolean> = {
    'mail.accountmanager.accounts': 'account1,account2',
    'mail.accountmanager.defaultaccount': 'account1',
    'mail.accountmanager.localfoldersserver': 'server2',
    'mail.account.account1.identities': 'id1',
    'mail.account.account1.server': 'server1',
    'mail.account.account2.server': 'server2',
    'mail.identity.id1.fullName': o.identity.name,
    'mail.identity.id1.useremail': o.identity.email,
    'mail.identity.id1.smtpServer': 'smtp1',
    'mail.identity.id1.valid': true,
    'mail.identity.id1.fcc': false,
    'mail.identity.id1.compose_html': false,
    'mail.server.server1.type': 'pop3',
    'mail.server.server1.hostname': '127.0.0.1',
    'mail.server.server1.port': 1,
    'mail.server.server1.userName': 'vigie',
    'mail.server.server1.name': 'MSSanté',
    'mail.server.server1.login_at_startup': false,
    'mail.server.server1.check_new_mail': false,
    'mail.server.server2.type': 'none',
    'mail.server.server2.hostname': 'Local Folders',
    'mail.server.server2.userName': 'nobody',
    'mail.server.server2.name': 'Local Folders',
    'mail.smtpservers': 'smtp1',
    'mail.smtp.defaultserver': 'smtp1',
    'mail.smtpserver.smtp1.hostname': '127.0.0.1',
    'mail.smtpserver.smtp1.port': o.smtpPort,
    'mail.smtpserver.smtp1.authMethod': 1,
    'mail.smtpserver.smtp1.try_ssl': 0,
    'mail.smtpserver.smtp1.username': '',
    'mail.shell.checkDefaultClient': false,
    'mailnews.start_page.enabled': false,
    'mail.rights.version': 1,
    'mail.spellcheck.inline': false,
    'mailnews.show_send_progress': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'marionette.port': o.marionettePort,
    'extensions.autoDisableScopes': 0,
    'browser.dom.window.dump.enabled': true,
    'devtools.console.stdout.chrome': true,
    'devtools.console.stdout.content': true,
    ...o.prefs,
  };
  writeFileSync(
    join(dir, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n') + '\n',
  );
  if (o.xpi) {
    mkdirSync(join(dir, 'extensions'));
    copyFileSync(o.xpi.path, join(dir, 'extensions', `${o.xpi.id}.xpi`));
  }
  return dir;
}

export interface ReceivedMail {
  from: string;
  rcptTo: string[];
  raw: Buffer;
}

export async function startSmtpSink(): Promise<{
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 20 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(n, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      return mails;
    },
  };
}

export interface RunningThunderbird {
  marionette: Marionette;
  process: ChildProcess;
  log: string[];
  stop(): Promise<void>;
}

export async function startThunderbird(appDir: string, profile: string, marionettePort: number): Promise<RunningThunderbird> {
  const log: string[] = [];
  const child = spawn(join(appDir, 'thunderbird-bin'), ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '-profile', profile], {
    env: { ...process.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1', HOME: join(profile, 'home') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => {
    for (const line of d.toString('utf8').split('\n')) if (line.trim() && log.length < 2000) log.push(line);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let marionette: Marionette;
  try {
    marionette = await Marionette.connect(marionettePort, 45_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${log.slice(-30).join('\n')}`);
  }
  return {
    marionette,
    process: child,
    log,
    async stop() {
      await marionette.quit();
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      await exited;
      clearTimeout(timer);
    },
  };
}
