// Vigie in a real Thunderbird (Debian's, headless): the built XPI installed by policy (ExtensionSettings), its
// settings from the policy's 3rdparty block (storage.managed), a profile with an MSSanté identity whose SMTP server
// is a local sink, the companion server for the directory and the patient record, and Marionette pressing Send.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { embeddedContent, readCda } from '../../../shared/documents';
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { parseServerConfig } from '../../../server/config';
import { startServer, type VigieServer } from '../../../server/app';
import { mozillaPolicies } from '../../../manifests/policies/templates';
import {
  appDirWithPolicies,
  freePort,
  makeProfile,
  removeTempDirs,
  startSmtpSink,
  startThunderbird,
  tempDir,
  thunderbirdInstalled,
  type RunningThunderbird,
} from './harness';
import { ThunderbirdDriver, inPage } from './driver';

const root = join(__dirname, '../../..');
const XPI = join(root, 'dist/thunderbird/vigie.xpi');
const ID = 'vigie-thunderbird@vigie-mssante.fr';
const SHOTS = join(root, 'test-results/screenshots');
const IDENTITY = { name: 'Dr Claire Martin', email: 'claire.martin@medecin.mssante.fr' };
const DEMO_INS = '279035121518989';

jest.setTimeout(120_000);

let server: VigieServer;
let serverUrl: string;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let tb: RunningThunderbird;
let drv: ThunderbirdDriver;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function parse(raw: Buffer) {
  return PostalMime.parse(raw);
}

beforeAll(async () => {
  if (!thunderbirdInstalled()) throw new Error('Thunderbird is not installed: run scripts/install-system-deps.sh (npm test does)');
  if (!existsSync(XPI)) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'extension/thunderbird/build.ts')], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the XPI could not be built: ${r.stderr}`);
  }
  mkdirSync(SHOTS, { recursive: true });
  const config = parseServerConfig(
    { port: 0, host: '127.0.0.1', tls: { mode: 'off' }, home: tempDir('server'), di: { mode: 'demo' }, directory: { syntheticCount: 3000 } },
    { env: {} },
  );
  server = await startServer(config, { log: () => undefined });
  await server.directoryReady;
  serverUrl = server.publicUrl.replace('//localhost:', '//127.0.0.1:');
  smtp = await startSmtpSink();
});

afterAll(async () => {
  await smtp?.close();
  await server?.close();
  removeTempDirs();
});

/** Starts Thunderbird with Vigie: installed by the ExtensionSettings policy, or sideloaded into the profile. */
async function launch(opts: {
  install: 'policy' | 'profile';
  prefs?: Record<string, string | number | boolean>;
  policy?: Record<string, unknown>;
}): Promise<void> {
  const marionettePort = await freePort();
  // The policies.json IT deploys, as `npm run package` generates it (manifests/policies/templates.ts).
  const policy = {
    serverUrl,
    language: 'fr',
    organisation: 'CH de Test',
    documents: { productReference: 'VIGIE-TB-E2E' },
    ...opts.policy,
  } as unknown as Parameters<typeof mozillaPolicies>[1];
  const app = appDirWithPolicies(mozillaPolicies(ID, policy, opts.install === 'policy' ? `file://${XPI}` : undefined).policies);
  const profile = makeProfile({
    smtpPort: smtp.port,
    marionettePort,
    identity: IDENTITY,
    ...(opts.install === 'profile' ? { xpi: { path: XPI, id: ID } } : {}),
    prefs: opts.prefs ?? {},
  });
  tb = await startThunderbird(app, profile, marionettePort);
  drv = new ThunderbirdDriver(tb.marionette, ID);
  await tb.marionette.waitFor(`return !!WebExtensionPolicy.getByID(arguments[0])`, [ID], 30_000, 'the extension to start');
  await sleep(1500);
  smtp.mails.length = 0;
}

async function stop(): Promise<void> {
  if (!tb) return;
  await tb.stop().catch(() => undefined);
  const lines = tb.log.filter((l) => /vigie|moz-extension/i.test(l));
  if (lines.length) console.log(`Thunderbird log (Vigie lines):\n${lines.slice(0, 40).join('\n')}`);
}

afterEach(async () => {
  await drv?.closeVigieWindows().catch(() => undefined);
});

describe('Vigie in Thunderbird', () => {
  // Extension pages in the main process, so the suite can read and click Vigie's pages from the chrome context.
  beforeAll(() => launch({ install: 'policy', prefs: { 'extensions.webextensions.remote': false } }));
  afterAll(() => stop());

  it('is installed by the ExtensionSettings policy and running', async () => {
    expect(await drv.addonActive()).toEqual({ active: true, version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version });
  });

  it('stops a send to Gmail: nothing reaches the SMTP server, the compose window stays open, Vigie says why', async () => {
    const subject = 'Compte rendu Gmail';
    await drv.openCompose({ to: 'Jean Dupont <jean.dupont@gmail.com>', subject });
    await drv.send(subject);
    const text = await drv.waitVigieWindow('jean.dupont@gmail.com');
    expect(text).toContain('Envoi bloqué');
    expect(text).toContain('messagerie grand public');
    // The compose window says it too: Vigie's toolbar button carries the verdict.
    expect(
      await tb.marionette.script(
        `for (const w of Services.wm.getEnumerator("msgcompose")) if (w.document.getElementById("msgSubject").value === arguments[0]) { const b = w.document.querySelector('[id$="-composeAction-toolbarbutton"]'); return { badge: b.getAttribute("badge"), label: b.getAttribute("label"), tooltip: b.getAttribute("tooltiptext") }; }`,
        [subject],
      ),
    ).toEqual({ badge: '!', label: 'Vigie\u00a0: envoi bloqué', tooltip: expect.stringContaining('jean.dupont@gmail.com') });
    writeFileSync(join(SHOTS, 'thunderbird-compose-blocked.png'), await tb.marionette.screenshotOf('msgcompose'));
    writeFileSync(join(SHOTS, 'thunderbird-vigie-window-blocked.png'), await tb.marionette.screenshotOf('mail:extensionPopup'));
    // Send pressed again: the same Vigie window comes forward, no second one.
    await drv.send(subject);
    await sleep(1500);
    expect(await tb.marionette.script(`return [...Services.wm.getEnumerator("mail:extensionPopup")].length`)).toBe(1);
    expect(smtp.mails).toHaveLength(0);
    expect(await drv.isComposeOpen(subject)).toBe(true);

    // The fix offered: remove the recipient from the message.
    await drv.clickInVigieWindow('#vigie-remove');
    await tb.marionette.waitFor(`return true`);
    await sleep(800);
    expect((await drv.composeRecipients(subject)).to).toEqual([]);
    await drv.closeCompose(subject);
  });

  it('sends to MSSanté recipients: the mail reaches the SMTP server with the right envelope and headers', async () => {
    const subject = 'Courrier MSSanté';
    await drv.openCompose({
      to: 'Dr Paul Durand <paul.durand@chu-lyon.mssante.fr>',
      cc: 'secretariat@medecin.mssante.fr',
      subject,
      body: 'Bonjour, merci pour votre avis.',
    });
    await drv.send(subject);
    await drv.waitComposeClosed(subject);
    const mails = await smtp.waitFor(1);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.from).toBe(IDENTITY.email);
    expect(mail.rcptTo.sort()).toEqual(['paul.durand@chu-lyon.mssante.fr', 'secretariat@medecin.mssante.fr']);
    const parsed = await parse(mail.raw);
    expect(parsed.subject).toBe(subject);
    expect(parsed.from?.address).toBe(IDENTITY.email);
    expect(parsed.to?.map((a) => a.address)).toEqual(['paul.durand@chu-lyon.mssante.fr']);
    expect(parsed.cc?.map((a) => a.address)).toEqual(['secretariat@medecin.mssante.fr']);
    expect(await drv.vigieWindowText()).toBeNull();
    smtp.mails.length = 0;
  });

  it('stops a mix of MSSanté and Gmail recipients (the Gmail one in Cc)', async () => {
    const subject = 'Avis mixte';
    await drv.openCompose({ to: 'paul.durand@chu-lyon.mssante.fr', cc: 'famille.durand@gmail.com', subject });
    await drv.send(subject);
    const text = await drv.waitVigieWindow('famille.durand@gmail.com');
    expect(text).toContain('Envoi bloqué');
    expect(text).not.toContain('paul.durand@chu-lyon.mssante.fr Messagerie');
    await sleep(1500);
    expect(smtp.mails).toHaveLength(0);
    expect(await drv.isComposeOpen(subject)).toBe(true);
    await drv.closeCompose(subject);
  });

  it('expands a mailing list of the address book and stops the send when a member is outside MSSanté', async () => {
    await tb.marionette.script(`const { MailServices } = ChromeUtils.importESModule("resource:///modules/MailServices.sys.mjs");
      const book = MailServices.ab.getDirectory("jsaddrbook://abook.sqlite");
      const list = Cc["@mozilla.org/addressbook/directoryproperty;1"].createInstance(Ci.nsIAbDirectory);
      list.isMailList = true; list.dirName = "Equipe cardio";
      const added = book.addMailList(list);
      for (const [name, email] of [["Dr Paul Durand", "paul.durand@chu-lyon.mssante.fr"], ["Cousin", "cousin.cardio@gmail.com"]]) {
        const card = Cc["@mozilla.org/addressbook/cardproperty;1"].createInstance(Ci.nsIAbCard);
        card.displayName = name; card.primaryEmail = email;
        added.addCard(card);
      }
      return true;`);
    const subject = 'Réunion de service';
    await drv.openCompose({ to: 'Equipe cardio <Equipe cardio>', subject });
    await drv.send(subject);
    const text = await drv.waitVigieWindow('cousin.cardio@gmail.com');
    expect(text).toContain('Equipe cardio');
    expect(text).toContain('2 membre(s)');
    await sleep(1000);
    expect(smtp.mails).toHaveLength(0);
    await drv.closeCompose(subject);
  });

  it('autocompletes the To field from the Annuaire Santé through the companion server', async () => {
    const res = await fetch(`${serverUrl}/api/directory/search?q=cardiologue&limit=5&type=PER`);
    const expected = ((await res.json()) as { results: { address: string; displayName: string; familyName?: string; givenName?: string }[] }).results[0]!;
    expect(expected).toBeDefined();
    const subject = 'Autocomplétion';
    await drv.openCompose({ subject });
    await drv.typeInTo(subject, `${expected.givenName} ${expected.familyName}`);
    const rows = await tb.marionette.waitFor<{ value: string; label: string; comment: string }[]>(
      `const [subject, address] = arguments;
       let input;
       for (const w of Services.wm.getEnumerator("msgcompose")) if (w.document.getElementById("msgSubject").value === subject) input = w.document.getElementById("toAddrInput");
       const c = input.controller; const rows = [];
       for (let i = 0; i < c.matchCount; i++) rows.push({ value: c.getValueAt(i), label: c.getLabelAt(i), comment: c.getCommentAt(i) });
       return rows.some(r => r.value.includes(address)) ? rows : null;`,
      [subject, expected.address],
      20_000,
      `an autocomplete row for ${expected.address}`,
    );
    const row = rows.find((r) => r.value.includes(expected.address))!;
    expect(row.value).toContain(expected.displayName.split(' ').pop()!);
    writeFileSync(join(SHOTS, 'thunderbird-autocomplete.png'), await tb.marionette.screenshotOf('msgcompose'));
    await drv.closeCompose(subject);
  });

  it('fixes a stopped send in the Vigie window: Gmail removed, a colleague from the Annuaire Santé, a DI document attached, sent intact', async () => {
    const subject = 'Envoi de document';
    const m = tb.marionette;
    await drv.openCompose({ to: 'marie.dupont.79@gmail.com', subject, body: 'Veuillez trouver le compte rendu.' });
    await drv.send(subject);
    await drv.waitVigieWindow('marie.dupont.79@gmail.com');
    // The compose toolbar's Vigie button carries the warning badge.
    expect(
      await m.script(
        `for (const w of Services.wm.getEnumerator("msgcompose")) if (w.document.getElementById("msgSubject").value === arguments[0]) { const b = w.document.querySelector('[id$="-composeAction-toolbarbutton"]'); return b && b.getAttribute("badge"); }`,
        [subject],
      ),
    ).toBe('!');
    await drv.clickInVigieWindow('#vigie-remove');
    await m.waitFor(
      inPage('vigie-window', `return !doc.body.innerText.includes('marie.dupont.79@gmail.com') || null;`),
      [],
      10_000,
      'the Gmail recipient to go',
    );

    // Picker: search (a colleague on a national MSSanté domain: the synthetic hospital domains are not on the liste
    // blanche), then the first result's "To" button.
    await m.script(inPage('vigie-window', `typeInto(doc.querySelector('.vigie-picker input'), 'Dr Lefèvre cardiologue Lyon'); return true;`));
    const picked = await m.waitFor<{ address: string }>(
      inPage(
        'vigie-window',
        `const r = doc.querySelector('.vigie-result'); if (!r) return null; r.click(); return { address: r.querySelector('.vigie-address').textContent };`,
      ),
      [],
      15_000,
      'picker results',
    );
    // The chosen result's "À" (To) button.
    await m.waitFor(
      inPage('vigie-window', `const b = doc.querySelector('.vigie-actions button'); if (!b) return null; b.click(); return true;`),
      [],
      5_000,
      'the insert buttons',
    );
    expect(picked.address).toMatch(/@[^@]*mssante\./);
    await m.waitFor(
      `for (const w of Services.wm.getEnumerator("msgcompose")) if (w.document.getElementById("msgSubject").value === arguments[0]) return [].concat(w.GetComposeDetails().to || []).join(",").includes(arguments[1]); return false;`,
      [subject, picked.address],
      10_000,
      'the picked address in To',
    );

    // Document chooser: the demo patient's documents, the first one attached as IHE_XDM.ZIP plus its PDF copy.
    await m.script(
      inPage(
        'vigie-window',
        `const inputs = doc.querySelectorAll('.vigie-docs form input');
      typeInto(inputs[0], arguments[0]); typeInto(inputs[1], 'DUPONT'); typeInto(inputs[2], 'Marie'); typeInto(inputs[3], '1979-03-05');
      return true;`,
      ),
      [DEMO_INS],
    );
    await sleep(200);
    await m.script(inPage('vigie-window', `doc.querySelector('.vigie-docs form button[type=submit]').click(); return true;`));
    const docTitle = await m.waitFor<string>(
      inPage(
        'vigie-window',
        `const box = doc.querySelector('.vigie-doclist input[type=checkbox]'); if (!box) return null; box.click(); return doc.querySelector('.vigie-doc-title').textContent;`,
      ),
      [],
      15_000,
      'the document list',
    );
    await sleep(200);
    await m.script(inPage('vigie-window', `doc.querySelector('.vigie-doclist button').click(); return true;`));
    const attached = await m.waitFor<string>(
      inPage(
        'vigie-window',
        `const ok = doc.querySelector('.vigie-docs .vigie-ok'); const err = doc.querySelector('.vigie-docs .vigie-error'); return ok ? ok.textContent : err ? 'ERROR ' + err.textContent : null;`,
      ),
      [],
      20_000,
      'the documents to be attached',
    );
    expect(attached).not.toMatch(/^ERROR/);
    // Checked again after each change: now every recipient is in MSSanté, and the window offers to send.
    await m.waitFor(inPage('vigie-window', `return !!doc.getElementById('vigie-send-now');`), [], 10_000, 'the send button');
    writeFileSync(join(SHOTS, 'thunderbird-vigie-window-fixed.png'), await m.screenshotOf('mail:extensionPopup'));
    const newSubject = await m.script<string>(`const w = Services.wm.getMostRecentWindow("msgcompose"); return w.document.getElementById("msgSubject").value;`);
    expect(newSubject).not.toBe(subject);
    writeFileSync(join(SHOTS, 'thunderbird-compose-with-documents.png'), await m.screenshotOf('msgcompose'));

    await drv.clickInVigieWindow('#vigie-send-now');
    await drv.waitComposeClosed(newSubject, 20_000);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.rcptTo).toEqual([picked.address]);
    const parsed = await parse(mail!.raw);
    expect(parsed.subject).toBe(newSubject);
    expect(parsed.headers.find((h) => h.key.toLowerCase() === 'x-mss-nil')?.value).toBe('VIGIE-TB-E2E');
    expect(parsed.attachments.map((a) => a.filename)).toContain('IHE_XDM.ZIP');

    // The bytes the DI serves, by SHA-1, against the PDF copy and the document inside the XDM archive.
    const list = (await (await fetch(`${serverUrl}/api/di/documents?ins=${DEMO_INS}`)).json()) as { documents: { id: string; title: string }[] };
    const chosen = list.documents.find((d) => d.title === docTitle)!;
    const original = await fetch(`${serverUrl}/api/di/documents/${chosen.id}?ins=${DEMO_INS}`);
    const sha1 = original.headers.get('x-document-sha1');
    const sha = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');
    expect(sha(new Uint8Array(await original.arrayBuffer()))).toBe(sha1);
    const pdf = parsed.attachments.find((a) => a.mimeType === 'application/pdf');
    expect(pdf).toBeDefined();
    expect(sha(new Uint8Array(pdf!.content as ArrayBuffer))).toBe(sha1);
    // The archive holds a CDA level 1 wrapping the DI's PDF (no PDF of its own), and the headers say so.
    const zip = unzipSync(new Uint8Array(parsed.attachments.find((a) => a.filename === 'IHE_XDM.ZIP')!.content as ArrayBuffer));
    expect(Object.keys(zip).filter((n) => /\.pdf$/i.test(n))).toEqual([]);
    const cda = readCda(zip['IHE_XDM/SUBSET01/DOC0001.XML']!)!;
    expect(sha(embeddedContent(cda)!.bytes)).toBe(sha1);
    expect(parsed.headers.find((h) => h.key.toLowerCase() === 'x-mss-codecda')?.value).toBeTruthy();
    smtp.mails.length = 0;
  });

  it('shows IT policy settings locked on the options page, and a warning the user confirms is sent again', async () => {
    await drv.openOptionsTab();
    const m = tb.marionette;
    const state = await m.waitFor<Record<string, unknown>>(
      inPage(
        'options',
        `const s = doc.getElementById('serverUrl'); if (!s) return null;
        return { server: s.value, serverLocked: s.disabled, langLocked: doc.getElementById('language').disabled, orgLocked: doc.getElementById('organisation').disabled,
          modeLocked: doc.getElementById('mode').disabled, note: !!doc.getElementById('locked-note'), nil: doc.getElementById('product-reference').textContent };`,
      ),
      [],
      15_000,
      'the options page',
    );
    expect(state).toEqual({
      server: `${serverUrl}/`,
      serverLocked: true,
      langLocked: true,
      orgLocked: true,
      modeLocked: false,
      note: true,
      nil: expect.stringContaining('VIGIE-TB-E2E'),
    });
    writeFileSync(join(SHOTS, 'thunderbird-options-locked.png'), await m.screenshotOf('mail:3pane'));

    // The user switches to "warn" (not locked) and saves.
    await m.script(
      inPage(
        'options',
        `const sel = doc.getElementById('mode'); sel.value = 'warn'; sel.dispatchEvent(new doc.defaultView.Event('change', { bubbles: true })); return true;`,
      ),
    );
    await sleep(200);
    await m.script(inPage('options', `doc.getElementById('save').click(); return true;`));
    await m.waitFor(inPage('options', `return doc.getElementById('status').textContent.includes('enregistr');`), [], 10_000, 'the options to be saved');
    await drv.closeOptionsTabs();

    const subject = 'Message à confirmer';
    await drv.openCompose({ to: 'famille.durand@gmail.com', subject, body: 'Rendez-vous confirmé pour jeudi.' });
    await drv.send(subject);
    const text = await drv.waitVigieWindow('Envoyer quand même');
    expect(text).toContain('famille.durand@gmail.com');
    writeFileSync(join(SHOTS, 'thunderbird-vigie-window-warn.png'), await m.screenshotOf('mail:extensionPopup'));
    await sleep(1000);
    expect(smtp.mails).toHaveLength(0);
    await drv.clickInVigieWindow('#vigie-send-anyway');
    // Sending anyway asks why: nothing leaves without a reason.
    await drv.waitVigieWindow('Pourquoi envoyer quand même');
    await drv.clickInVigieWindow('#vigie-confirm-send');
    await drv.waitVigieWindow('Choisissez un motif');
    expect(smtp.mails).toHaveLength(0);
    writeFileSync(join(SHOTS, 'thunderbird-vigie-window-reason.png'), await m.screenshotOf('mail:extensionPopup'));
    await drv.clickInVigieWindow('#vigie-reason-no-mssante-address');
    await drv.clickInVigieWindow('#vigie-confirm-send');
    await drv.waitComposeClosed(subject, 20_000);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.rcptTo).toEqual(['famille.durand@gmail.com']);
    expect((await parse(mail!.raw)).subject).toBe(subject);
    smtp.mails.length = 0;
  });
});

describe('Vigie in Thunderbird’s default configuration (extension pages in their own process), sideloaded into the profile', () => {
  // The MV3 background page is stopped after one idle second: each event must wake it. Policy mode "warn".
  beforeAll(() => launch({ install: 'profile', prefs: { 'extensions.background.idle.timeout': 1000 }, policy: { mode: 'warn' } }));
  afterAll(() => stop());

  const backgroundState = () => tb.marionette.script<string>(`return String(WebExtensionPolicy.getByID(arguments[0]).extension.backgroundState)`, [ID]);

  it('stops a send to Gmail and opens the Vigie window; confirmed after the background page was stopped, it is sent; a send to MSSanté goes through', async () => {
    const m = tb.marionette;
    expect(await drv.addonActive()).toMatchObject({ active: true });
    await m.waitFor(`return WebExtensionPolicy.getByID(arguments[0]).extension.backgroundState === "stopped"`, [ID], 15_000, 'the background page to stop');
    await drv.openCompose({ to: 'jean.dupont@gmail.com', subject: 'Défaut bloqué' });
    await drv.send('Défaut bloqué');
    await m
      .waitFor(
        `for (const w of Services.wm.getEnumerator("mail:extensionPopup")) { const b = w.document.querySelector("browser"); if (b && b.currentURI.spec.includes("popup.html?tab=")) return b.isRemoteBrowser ? "remote" : "local"; } return null;`,
        [],
        15_000,
        'the Vigie window',
      )
      .then((r) => expect(r).toBe('remote'));
    await m.waitFor(`return WebExtensionPolicy.getByID(arguments[0]).extension.backgroundState === "stopped"`, [ID], 15_000, 'the background page to stop');
    expect(smtp.mails).toHaveLength(0);
    expect(await drv.isComposeOpen('Défaut bloqué')).toBe(true);
    expect(await drv.remoteVigieWindowText()).toContain('Envoyer quand même');
    // The user confirms minutes later in real life: the page that held the send is long gone, the confirmation is
    // kept in session storage and the re-sent message passes the listener once.
    await drv.clickInRemoteVigieWindow('#vigie-send-anyway');
    await sleep(500);
    await drv.clickInRemoteVigieWindow('#vigie-reason-patient-request');
    await sleep(200);
    await drv.clickInRemoteVigieWindow('#vigie-confirm-send');
    await drv.waitComposeClosed('Défaut bloqué', 20_000);
    expect((await smtp.waitFor(1)).map((x) => x.rcptTo)).toEqual([['jean.dupont@gmail.com']]);
    smtp.mails.length = 0;

    await m.waitFor(
      `return WebExtensionPolicy.getByID(arguments[0]).extension.backgroundState === "stopped"`,
      [ID],
      15_000,
      'the background page to stop again',
    );
    await drv.openCompose({ to: 'paul.durand@chu-lyon.mssante.fr', subject: 'Défaut envoyé' });
    await drv.send('Défaut envoyé');
    await drv.waitComposeClosed('Défaut envoyé');
    expect((await smtp.waitFor(1)).map((x) => x.rcptTo)).toEqual([['paul.durand@chu-lyon.mssante.fr']]);
    smtp.mails.length = 0;
  });

  it('opens the compose toolbar popup, which checks the draft as soon as it loads (the button gets its badge)', async () => {
    const m = tb.marionette;
    const subject = 'Bouton Vigie';
    await drv.openCompose({ to: 'famille@gmail.com', subject });
    const badge = `for (const w of Services.wm.getEnumerator("msgcompose")) if (w.document.getElementById("msgSubject").value === arguments[0]) { const b = w.document.querySelector('[id$="-composeAction-toolbarbutton"]'); return b && b.getAttribute("badge"); } return null;`;
    expect(await m.script(badge, [subject])).toBeFalsy();
    await drv.clickComposeAction(subject);
    const popup = await m.waitFor<{ uri: string; remote: boolean }>(
      `for (const w of Services.wm.getEnumerator("msgcompose")) for (const p of w.document.querySelectorAll("panel")) { const b = p.querySelector("browser"); if (b && b.currentURI && b.currentURI.spec.includes("/popup/popup.html")) return { uri: b.currentURI.spec, remote: b.isRemoteBrowser }; } return null;`,
      [],
      15_000,
      'the compose-action popup',
    );
    expect(popup.remote).toBe(true);
    expect(popup.uri).not.toContain('tab=');
    await m.waitFor(badge, [subject], 15_000, 'the badge set by the popup’s check').then((b) => expect(b).toBe('!'));
    await drv.closeCompose(subject);
  });

  it('answers the To field’s autocomplete from the Annuaire Santé even after the background page was stopped', async () => {
    const m = tb.marionette;
    const res = await fetch(`${serverUrl}/api/directory/search?q=pharmacien&limit=1&type=PER`);
    const expected = ((await res.json()) as { results: { address: string; familyName?: string; givenName?: string }[] }).results[0]!;
    const subject = 'Autocomplétion après arrêt';
    await drv.openCompose({ subject });
    await m.waitFor(`return WebExtensionPolicy.getByID(arguments[0]).extension.backgroundState === "stopped"`, [ID], 15_000, 'the background page to stop');
    expect(await backgroundState()).toBe('stopped');
    await drv.typeInTo(subject, `${expected.givenName} ${expected.familyName}`);
    await m.waitFor(
      `const [subject, address] = arguments; let input;
       for (const w of Services.wm.getEnumerator("msgcompose")) if (w.document.getElementById("msgSubject").value === subject) input = w.document.getElementById("toAddrInput");
       const c = input.controller; for (let i = 0; i < c.matchCount; i++) if (c.getValueAt(i).includes(address)) return true; return null;`,
      [subject, expected.address],
      20_000,
      `an autocomplete row for ${expected.address}`,
    );
    await drv.closeCompose(subject);
  });
});
