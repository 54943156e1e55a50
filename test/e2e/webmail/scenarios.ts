// The webmail scenarios, written once and run in every browser (chromium.e2e.test.ts, firefox.e2e.test.ts): for each
// provider's saved page, a harmless message leaves, a NIR with clinical text to gmail.com is held by a click on Send,
// by Enter and Space on Send and by Ctrl+Enter, and a redesigned page whose recipients Vigie cannot read still has its
// Send held, with the reason in French. Screenshots of the banner go to test-results/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { embeddedDomainSet } from '../../../shared/whitelist/embedded';
import type { Key, WebmailBrowser, WebmailPage } from './driver';
import { SCREENSHOTS, startFixtureServer, type FixtureServer } from './fixture-server';

export const NIR = '2 95 10 99 126 111 93';
const CLINICAL = `Patient NIR ${NIR}, diabète de type 2, ordonnance de metformine 500 mg.`;

/** One provider's page as a user meets it: where to type and where Send is. */
export interface ProviderPage {
  name: string;
  host: string;
  path: string;
  to: string;
  subject: string;
  body: string | { frame: string };
  send: string;
  /** Where Send takes the keyboard focus, when not the clicked element itself. */
  sendFocus?: string;
  /** The sender is an MSSanté mailbox: anything to gmail.com is stopped, a harmless message goes to MSSanté. */
  mssante?: boolean;
}

export const PAGES: ProviderPage[] = [
  {
    name: 'gmail',
    host: 'mail.google.com',
    path: '/mail/u/0/?compose=new',
    to: 'div.anm[name="to"] input',
    subject: 'input[name="subjectbox"]',
    body: 'div.Am.editable',
    send: 'div[role="button"].aoO',
  },
  {
    name: 'gmail-legacy',
    host: 'mail.google.com',
    path: '/mail/u/0/?page=compose-legacy',
    to: 'textarea[name="to"]',
    subject: 'input[name="subjectbox"]',
    body: 'div.Am.editable',
    send: 'div[role="button"].aoO',
  },
  {
    name: 'outlook-web',
    host: 'outlook.office.com',
    path: '/mail/deeplink/compose',
    to: 'div.wellEditor',
    subject: 'input.subj',
    body: 'div[aria-label="Corps du message"]',
    send: 'button.fui-SplitButton__primaryActionButton',
  },
  {
    name: 'yahoo',
    host: 'mail.yahoo.com',
    path: '/d/compose/1',
    to: '#message-to-field',
    subject: '[data-test-id="compose-subject"]',
    body: '[data-test-id="rte"]',
    send: '[data-test-id="compose-send-button"]',
  },
  {
    name: 'zimbra',
    host: 'webmail.ght-exemple.mssante.fr',
    path: '/zimbra/?page=zimbra-classic',
    to: '#zv__COMPOSE-1_to_control',
    subject: '#zv__COMPOSE-1_subject_control',
    body: { frame: '#ZmHtmlEditor1_body_ifr' },
    send: '#zb__COMPOSE-1__SEND_MENU_title',
    sendFocus: '#zb__COMPOSE-1__SEND_MENU',
    mssante: true,
  },
  {
    name: 'mailiz',
    host: 'mailiz.mssante.fr',
    path: '/mail?page=mailiz',
    to: 'input#m-to',
    subject: 'input#m-subject',
    body: 'textarea',
    send: 'button.primary',
    mssante: true,
  },
];

const ALERT = `document.querySelector('vigie-banner')?.shadowRoot?.querySelector('.alert')`;
const sent = (p: WebmailPage) => p.evaluate<number>(`Number(document.body.dataset.sent ?? 0)`);
const alertText = (p: WebmailPage) => p.evaluate<string>(`${ALERT}?.textContent ?? ''`);
/** The banner's confirm (warn) or stop (block) dialog is up. */
const held = (p: WebmailPage, what: string) =>
  p.waitFor(
    `!!document.querySelector('vigie-banner')?.shadowRoot?.querySelector('button[data-action="cancel"], button[data-action="dismiss"]')`,
    `the banner to hold the send (${what})`,
  );

async function write(p: WebmailPage, page: ProviderPage, to: string, subject: string, body: string): Promise<void> {
  await p.waitFor(`!!document.querySelector('vigie-banner')`, 'the banner');
  if (to) {
    await p.type(page.to, to);
    await p.press('Enter');
  }
  await p.type(page.subject, subject);
  if (typeof page.body === 'string') await p.type(page.body, body);
  else await p.typeInFrame(page.body.frame, body);
}

/** Sends with `how`, expects the banner to hold it (nothing sent), then closes the dialog. */
async function expectHeld(p: WebmailPage, page: ProviderPage, how: 'click' | Key): Promise<void> {
  if (how === 'click') await p.click(page.send);
  else if (how === 'Control+Enter') {
    await p.focus(page.subject);
    await p.press('Control+Enter');
  } else {
    await p.focus(page.sendFocus ?? page.send);
    await p.press(how);
  }
  await held(p, how);
  expect(await sent(p)).toBe(0);
}

async function dismiss(p: WebmailPage): Promise<void> {
  const action = await p.evaluate<string>(
    `document.querySelector('vigie-banner').shadowRoot.querySelector('button[data-action="cancel"]') ? 'cancel' : 'dismiss'`,
  );
  await p.clickBanner(action);
}

/** A domain only the companion server's list holds (a health establishment that joined MSSanté since the build). */
export const SERVER_ONLY_DOMAIN = 'clinique-nouvelle-e2e.fr';

/** The companion server's `/api/liste-blanche`: the embedded list, newer, with one more domain. */
function companionList(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url?.startsWith('/api/liste-blanche')) return false;
  const embedded = embeddedDomainSet();
  const body = JSON.stringify({
    generatedAt: new Date(Date.now() - 3600_000).toISOString(),
    signer: 'ANS (e2e)',
    domains: [...embedded.domains, SERVER_ONLY_DOMAIN],
  });
  res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store' }).end(body);
  return true;
}

/** What the companion server's `POST /api/audit/events` received: each request body, as sent. */
const auditPosts: string[] = [];

/** The companion server's audit journal, as far as the extension can tell: it takes the events (CORS open). */
function companionAudit(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url?.startsWith('/api/audit/events')) return false;
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type' };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors).end();
    return true;
  }
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    auditPosts.push(body);
    res.writeHead(202, { ...cors, 'content-type': 'application/json' }).end('{"accepted":1}');
  });
  return true;
}

/** The establishment's server, set by the user in the options page. */
async function setServer(browser: WebmailBrowser): Promise<void> {
  const p = await browser.open(await browser.optionsUrl());
  await p.waitFor(`document.title !== 'Vigie MSSanté'`, 'the options page to show the settings (its title is set then)');
  await p.evaluate<null>(`(document.getElementById('server').value = '', null)`); // set by an earlier test, maybe
  await p.type('#server', browser.url('mailiz.mssante.fr', '/'));
  await p.click('#save');
  await p.waitFor(`document.getElementById('status').textContent !== ''`, 'the options to be saved');
  await p.close();
}

export function webmailScenarios(launch: (fixtures: FixtureServer) => Promise<WebmailBrowser>): void {
  let fixtures: FixtureServer;
  let browser: WebmailBrowser;
  const shot = (p: WebmailPage, name: string) => p.screenshot(join(SCREENSHOTS, `${browser.name}-${name}.png`));

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    fixtures = await startFixtureServer((req, res) => companionList(req, res) || companionAudit(req, res));
    browser = await launch(fixtures);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
  });

  describe.each(PAGES.map((p) => [p.name, p] as const))('%s', (_name, page) => {
    it(page.mssante ? 'a harmless message to an MSSanté address leaves' : 'a harmless message to gmail.com leaves', async () => {
      const p = await browser.open(browser.url(page.host, page.path));
      await write(
        p,
        page,
        page.mssante ? 'dr.bernard@aphp.mssante.fr' : 'paul.durand@gmail.com',
        'Réunion',
        'Bonjour, la réunion de service est jeudi à 14 h, salle 3.',
      );
      await p.click(page.send);
      await p.waitFor(`document.body.dataset.sent === '1'`, 'the message to leave');
      await p.close();
    });

    it('a NIR with clinical text to gmail.com is held by a click on Send, Enter and Space on Send, and Ctrl+Enter', async () => {
      const p = await browser.open(browser.url(page.host, page.path));
      await write(p, page, 'paul.durand@gmail.com', 'Ordonnance', CLINICAL);
      // Ctrl+Enter typed in the editor itself (TinyMCE's frame on Zimbra).
      await p.press('Control+Enter');
      await held(p, 'Ctrl+Enter in the editor');
      expect(await sent(p)).toBe(0);
      await dismiss(p);
      await expectHeld(p, page, 'click');
      expect(await alertText(p)).toMatch(page.mssante ? /paul\.durand@gmail\.com n’a pas d’adresse MSSanté/ : /données de santé/i);
      await shot(p, `${page.name}-held`);
      await dismiss(p);
      for (const how of ['Enter', 'Space', 'Control+Enter'] as const) {
        await expectHeld(p, page, how);
        await dismiss(p);
      }
      expect(await sent(p)).toBe(0);
      await p.close();
    });

    it('a redesigned page whose recipients cannot be read holds the send and says why, in French', async () => {
      const p = await browser.open(browser.url(page.host, `${page.path}${page.path.includes('?') ? '&' : '?'}redesign=1`));
      await p.waitFor(`${ALERT} && !${ALERT}.hidden`, 'the banner to say it cannot check');
      expect(await alertText(p)).toMatch(/Vigie n’a pas pu vérifier ce message\s?: la fenêtre de rédaction n’a pas pu être lue .*\(manque\u00a0: le champ À\)/);
      if (typeof page.body === 'string') await p.type(page.body, CLINICAL);
      await p.click(page.send);
      await held(p, 'unreadable page');
      expect(await sent(p)).toBe(0);
      await shot(p, `${page.name}-unreadable`);
      await dismiss(p);
      await p.focus(page.subject);
      await p.press('Control+Enter');
      await held(p, 'unreadable page, Ctrl+Enter');
      expect(await sent(p)).toBe(0);
      await p.close();
    });
  });

  it('a page whose Send button cannot be found: the banner says Vigie cannot guard it, and Ctrl+Enter is still held', async () => {
    const gmail = PAGES.find((p) => p.name === 'gmail')!;
    const p = await browser.open(browser.url(gmail.host, `${gmail.path}&redesign=send`));
    await p.waitFor(`${ALERT} && !${ALERT}.hidden`, 'the banner to say it cannot guard the page');
    expect(await alertText(p)).toMatch(/^Vigie ne peut pas surveiller cette page\u00a0: il ne retient que le raccourci Ctrl\+Entrée\./);
    await p.type(gmail.body as string, CLINICAL);
    await p.press('Control+Enter');
    await held(p, 'Ctrl+Enter without a known Send button');
    expect(await sent(p)).toBe(0);
    await shot(p, 'gmail-send-not-found');
    await p.close();
  });

  it('uses the companion server’s liste blanche: a domain only the server list has is allowed from an MSSanté webmail', async () => {
    const zimbra = PAGES.find((p) => p.name === 'zimbra')!;
    const to = `dr.nouveau@${SERVER_ONLY_DOMAIN}`;
    // With the embedded list only, the domain is outside MSSanté: stopped.
    let p = await browser.open(browser.url(zimbra.host, zimbra.path));
    await write(p, zimbra, to, 'Courrier', 'Bonjour, voici le courrier.');
    await p.click(zimbra.send);
    await held(p, 'a domain the embedded list does not have');
    await p.close();
    // The user sets the establishment's server in the options page.
    await setServer(browser);
    // The background fetches and judges the server's list; the compose then checks with it.
    await new Promise((r) => setTimeout(r, 1500));
    p = await browser.open(browser.url(zimbra.host, zimbra.path));
    await write(p, zimbra, to, 'Courrier', 'Bonjour, voici le courrier.');
    await p.click(zimbra.send);
    await p.waitFor(`document.body.dataset.sent === '1'`, 'the message to leave with the server’s list');
    await p.close();
  });

  it('« Envoyer quand même » asks for a reason: nothing leaves without one, then one send, and the server’s journal gets the events without content', async () => {
    const gmail = PAGES.find((p) => p.name === 'gmail')!;
    await setServer(browser);
    auditPosts.length = 0;
    const p = await browser.open(browser.url(gmail.host, gmail.path));
    await write(p, gmail, 'paul.durand@gmail.com', 'Ordonnance', CLINICAL);
    await p.click(gmail.send);
    await held(p, 'health data to gmail.com');
    await p.clickBanner('send-anyway');
    const form = `document.querySelector('vigie-banner').shadowRoot.querySelector('form.reason')`;
    await p.waitFor(`!!${form}`, 'the reason form');
    await p.clickBanner('confirm-send');
    await p.waitFor(`!${form}.querySelector('.error').hidden`, 'the error for a missing reason');
    expect(await p.evaluate<string>(`${form}.querySelector('.error').textContent`)).toBe('Choisissez un motif ou écrivez-le pour envoyer quand même.');
    expect(await sent(p)).toBe(0);
    await p.evaluate<null>(`(${form}.querySelector('input[type="radio"]').click(), null)`);
    await shot(p, 'gmail-override-reason');
    await p.clickBanner('confirm-send');
    await p.waitFor(`document.body.dataset.sent === '1'`, 'the message to leave once, after the reason');
    await p.waitFor(`!!${form} === false`, 'the form to close');
    await new Promise((r) => setTimeout(r, 500));
    expect(await sent(p)).toBe(1);
    await p.close();
    const deadline = Date.now() + 10_000;
    while (auditPosts.join('').split('"outcome"').length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const events = auditPosts.flatMap((b) => (JSON.parse(b) as { events: Record<string, unknown>[] }).events);
    expect(events.map((e) => [e.host, e.verdict, e.outcome, e.recipientDomains])).toEqual([
      ['webmail', 'warn', 'stopped', ['gmail.com']],
      ['webmail', 'warn', 'overridden', ['gmail.com']],
    ]);
    expect(typeof events[1]!.overrideReason).toBe('string');
    expect(auditPosts.join('')).not.toMatch(/Ordonnance|metformine|paul\.durand|2 95 10/);
  });
}
