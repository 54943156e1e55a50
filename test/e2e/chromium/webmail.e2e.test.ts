// The webmail extension in a real Chromium: the built dist/chrome loaded unpacked, the saved compose pages served
// under the providers' real host names, the user typing and sending as in the real webmail.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { launch, startCompanion, startFixtureServer, ROOT, SCREENSHOTS, type Browser, type FixtureServer } from './harness';

const NIR = '2 95 10 99 126 111 93';
let fixtures: FixtureServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  fixtures = await startFixtureServer();
  browser = await launch(fixtures);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await fixtures?.close();
});

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

const banner = (page: Page | Frame) => page.locator('vigie-banner');
const alert = (page: Page | Frame) => page.locator('vigie-banner .alert');
const sentCount = async (page: Page) => Number((await page.locator('body').getAttribute('data-sent')) ?? '0');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

async function addRecipient(input: Locator, address: string) {
  await input.click();
  await input.fill(address);
  await input.press('Enter');
}

async function gmailDraft(page: Page, to: string, subject: string, body: string) {
  await banner(page).waitFor({ state: 'attached' });
  await addRecipient(page.locator('input[aria-label="Destinataires À"]'), to);
  await page.fill('input[name="subjectbox"]', subject);
  await page.click('div[role="textbox"][aria-label="Corps du message"]');
  await page.keyboard.type(body);
}

describe('selectors against the saved compose pages, in Chromium', () => {
  let bundle: string;
  beforeAll(async () => {
    const out = await build({ stdin: { contents: "export { providerForHost } from './extension/webmail/providers';", resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'iife', globalName: 'VigieProviders', platform: 'browser', write: false, logLevel: 'silent' });
    bundle = out.outputFiles[0]!.text;
  });

  const cases: [string, string, { to: string; from: string }][] = [
    ['gmail', 'https://mail.google.com/mail/u/0/', { to: 'paul.durand@gmail.com', from: 'dr.martin.cabinet@gmail.com' }],
    ['outlook-web', 'https://outlook.office.com/mail/deeplink/compose', { to: 'paul.durand@gmail.com', from: 'dr.martin@outlook.fr' }],
    ['outlook-web (outlook.live.com)', 'https://outlook.live.com/mail/0/deeplink/compose', { to: 'paul.durand@gmail.com', from: 'dr.martin@outlook.fr' }],
    ['yahoo', 'https://mail.yahoo.com/d/compose/1', { to: 'paul.durand@gmail.com', from: 'marie.martin.medecin@yahoo.fr' }],
    ['generic-mssante', 'https://mailiz.mssante.fr/mail?view=compose', { to: 'dr.bernard@aphp.mssante.fr', from: 'dr.martin@medecin.mssante.fr' }],
    ['generic-mssante (HTML mode)', 'https://mailiz.mssante.fr/mail?view=compose&page=compose-html', { to: 'dr.bernard@aphp.mssante.fr', from: 'dr.martin@medecin.mssante.fr' }],
  ];

  it.each(cases)('%s: every selector finds its element, and the session reads what the user typed', async (_name, url, expected) => {
    const page = await open(url);
    await banner(page).waitFor({ state: 'attached' });
    await page.addScriptTag({ content: bundle });
    // Type through the page as a user would, using the selectors under test to find the fields.
    const selectors = await page.evaluate(() => (window as unknown as { VigieProviders: { providerForHost(h: string): { selectors: unknown } } }).VigieProviders.providerForHost(location.hostname)!.selectors);
    const s = selectors as { recipients: { to: { input: string } }; subject: string; body: string };
    await addRecipient(page.locator(s.recipients.to.input).first(), expected.to);
    await page.locator(s.subject).first().fill('Compte rendu');
    await page.locator(s.body).first().click();
    await page.keyboard.type('Bonjour, voici le compte rendu.');
    const found = await page.evaluate(() => {
      const P = (window as unknown as { VigieProviders: { providerForHost(h: string): { provider: { createSession(r: Element, s: unknown): { readDraft(): unknown; missing(): string[]; isSendTarget(e: Element): boolean } }; selectors: { composeRoot: string; sendButton: string } } } }).VigieProviders;
      const m = P.providerForHost(location.hostname)!;
      const roots = document.querySelectorAll(m.selectors.composeRoot);
      const session = m.provider.createSession(roots[0]!, m.selectors);
      const send = roots[0]!.querySelector(m.selectors.sendButton)!;
      return { roots: roots.length, missing: session.missing(), draft: session.readDraft(), sendLabel: send.textContent?.trim(), isSend: session.isSendTarget(send) };
    });
    expect(found.roots).toBe(1);
    expect(found.missing).toEqual([]);
    expect(found.isSend).toBe(true);
    expect(found.sendLabel).toBe('Envoyer');
    expect(found.draft).toEqual({ from: expected.from, to: [expected.to], cc: [], bcc: [], subject: 'Compte rendu', body: expect.stringContaining('voici le compte rendu') as unknown as string, attachments: [] });
    // DI documents go into the provider's attachment area (its file input, or a drop on the editor).
    const attached = await page.evaluate(() => {
      const P = (window as unknown as { VigieProviders: { providerForHost(h: string): { provider: { createSession(r: Element, s: unknown): { attach(f: File[]): boolean; readDraft(): { attachments: unknown[] } } }; selectors: { composeRoot: string } } } }).VigieProviders;
      const m = P.providerForHost(location.hostname)!;
      const session = m.provider.createSession(document.querySelector(m.selectors.composeRoot)!, m.selectors);
      const ok = session.attach([new File(['%PDF-1.4'], 'CR_hospitalisation.pdf', { type: 'application/pdf' }), new File(['PK'], 'IHE_XDM.ZIP', { type: 'application/zip' })]);
      return { ok, attachments: session.readDraft().attachments };
    });
    expect(attached).toEqual({ ok: true, attachments: [{ name: 'CR_hospitalisation.pdf' }, { name: 'IHE_XDM.ZIP' }] });
    await page.close();
  });
});

describe('Gmail: health data to a consumer mailbox', () => {
  it('shows the banner as soon as a NIR is typed to a gmail.com recipient', async () => {
    const page = await open('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await gmailDraft(page, 'paul.durand@gmail.com', 'Suivi de Mme Durand', `Bonjour, pour Mme Durand (NIR ${NIR}), voici le suivi.`);
    await expect(alert(page).getAttribute('data-level')).resolves.toBeDefined();
    await alert(page).waitFor({ state: 'visible', timeout: 5000 });
    await expect(alert(page).textContent()).resolves.toMatch(/Données de santé détectées \(NIR/);
    await expect(alert(page).getAttribute('data-level')).resolves.toBe('warn');
    await shot(page, 'gmail-nir-banner');
    await page.close();
  });

  it('shows no warning for a harmless message', async () => {
    const page = await open('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await gmailDraft(page, 'paul.durand@gmail.com', 'Samedi', 'Salut Paul, on se retrouve samedi au club pour le match ?');
    await page.waitForTimeout(900); // longer than the debounce: the check has run
    await expect(banner(page).locator('.bar').isVisible()).resolves.toBe(true);
    await expect(alert(page).isHidden()).resolves.toBe(true);
    await shot(page, 'gmail-harmless-no-banner');
    // …and Send goes straight through.
    await page.click('div[role="button"][data-tooltip^="Envoyer"]');
    await expect(sentCount(page)).resolves.toBe(1);
    await page.close();
  });

  it('intercepts Send by click: cancel keeps the draft, confirming sends once', async () => {
    const page = await open('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await gmailDraft(page, 'paul.durand@gmail.com', 'Résultats', `Résultats de Mme Durand, NIR ${NIR}.`);
    await page.click('div[role="button"][data-tooltip^="Envoyer"]');
    await banner(page).locator('button[data-action="send-anyway"]').waitFor();
    await expect(sentCount(page)).resolves.toBe(0);
    await expect(alert(page).textContent()).resolves.toMatch(/Confirmez-vous l’envoi/);
    await shot(page, 'gmail-send-confirm');
    await banner(page).locator('button[data-action="cancel"]').click();
    await expect(sentCount(page)).resolves.toBe(0);
    await page.click('div[role="button"][data-tooltip^="Envoyer"]');
    await banner(page).locator('button[data-action="send-anyway"]').click();
    await expect(sentCount(page)).resolves.toBe(1);
    await page.close();
  });

  it('intercepts Ctrl+Enter in the compose, and Enter or Space on the Send button', async () => {
    const page = await open('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await gmailDraft(page, 'paul.durand@gmail.com', 'Résultats', `NIR ${NIR} : bilan sanguin normal.`);
    await page.keyboard.press('Control+Enter');
    await banner(page).locator('button[data-action="send-anyway"]').waitFor();
    await expect(sentCount(page)).resolves.toBe(0);
    await shot(page, 'gmail-ctrl-enter-confirm');
    await banner(page).locator('button[data-action="cancel"]').click();
    for (const key of ['Enter', ' ']) {
      await page.focus('div[role="button"][data-tooltip^="Envoyer"]');
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await banner(page).locator('button[data-action="send-anyway"]').waitFor();
      await banner(page).locator('button[data-action="cancel"]').click();
    }
    await expect(sentCount(page)).resolves.toBe(0);
    await page.close();
  });

  it('says it cannot check a compose whose page has changed, and leaves Send alone', async () => {
    const page = await open('https://mail.google.com/mail/u/0/?page=compose-changed');
    const a = alert(page);
    await a.waitFor({ state: 'visible' });
    await expect(a.textContent()).resolves.toMatch(/Vigie ne peut pas vérifier ce message : la page de Gmail a changé/);
    await page.fill('[contenteditable="true"]', `NIR ${NIR}`);
    await page.click('.c-send');
    await expect(sentCount(page)).resolves.toBe(1);
    await shot(page, 'gmail-changed-page');
    await page.close();
  });
});

describe('Outlook on the web and Yahoo Mail', () => {
  it.each([
    ['outlook', 'https://outlook.office.com/mail/deeplink/compose', 'div[role="group"][aria-label="À"] input', 'input[aria-label="Ajouter un objet"]', 'div[role="textbox"][aria-label="Corps du message"]', 'button[aria-label="Envoyer"]'],
    ['yahoo', 'https://mail.yahoo.com/d/compose/1', '[data-test-id="container-to"] input', '[data-test-id="compose-subject"]', '[data-test-id="rte"]', '[data-test-id="compose-send-button"]'],
  ])('%s: warns for health data to gmail.com and stops the first Send', async (name, url, to, subject, body, send) => {
    const page = await open(url);
    await banner(page).waitFor({ state: 'attached' });
    await addRecipient(page.locator(to), 'paul.durand@gmail.com');
    await page.fill(subject, 'Ordonnance');
    await page.click(body);
    await page.keyboard.type(`Patient NIR ${NIR}, ordonnance de metformine 500 mg.`);
    await alert(page).waitFor({ state: 'visible' });
    await page.click(send);
    await banner(page).locator('button[data-action="send-anyway"]').waitFor();
    await expect(sentCount(page)).resolves.toBe(0);
    await shot(page, `${name}-send-confirm`);
    await page.close();
  });
});

describe('MSSanté webmail', () => {
  async function mailizTo(page: Page, address: string) {
    await banner(page).waitFor({ state: 'attached' });
    await addRecipient(page.locator('#zv__COMPOSE-1_to_control'), address);
    await page.fill('#zv__COMPOSE-1_subject_control', 'Courrier de sortie');
    await page.fill('#zv__COMPOSE-1_body', 'Cher confrère, veuillez trouver le courrier de sortie.');
  }

  it('blocks a send to gmail.com with the reason, and offers no way round', async () => {
    const page = await open('https://mailiz.mssante.fr/mail?view=compose');
    await mailizTo(page, 'paul.durand@gmail.com');
    await page.click('#zb__COMPOSE-1__SEND');
    await banner(page).locator('button[data-action="dismiss"]').waitFor();
    await expect(alert(page).getAttribute('data-level')).resolves.toBe('block');
    await expect(alert(page).textContent()).resolves.toMatch(/Envoi bloqué : paul\.durand@gmail\.com n’a pas d’adresse MSSanté/);
    await expect(banner(page).locator('button[data-action="send-anyway"]').count()).resolves.toBe(0);
    await page.keyboard.press('Control+Enter');
    await expect(sentCount(page)).resolves.toBe(0);
    await shot(page, 'mssante-blocked');
    await page.close();
  });

  it('HTML mode (TinyMCE in an iframe): the body is read, and Ctrl+Enter typed in the editor is stopped', async () => {
    const page = await open('https://mailiz.mssante.fr/mail?view=compose&page=compose-html');
    await banner(page).waitFor({ state: 'attached' });
    await addRecipient(page.locator('#zv__COMPOSE-1_to_control'), 'paul.durand@gmail.com');
    const editor = page.frameLocator('#ZmHtmlEditor1_body_ifr').locator('body');
    await editor.click();
    await page.keyboard.type(`Compte rendu, NIR ${NIR}.`);
    await alert(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Control+Enter');
    await banner(page).locator('button[data-action="dismiss"]').waitFor();
    await expect(sentCount(page)).resolves.toBe(0);
    await expect(alert(page).getAttribute('data-level')).resolves.toBe('block');
    await shot(page, 'mssante-html-editor-blocked');
    await page.close();
  });

  it('says it cannot check an MSSanté webmail whose page it does not know (until IT declares its selectors)', async () => {
    const page = await open('https://webmail.ght-exemple.mssante.fr/?page=custom-webmail');
    await alert(page).waitFor({ state: 'visible' });
    await expect(alert(page).getAttribute('data-level')).resolves.toBe('unsupported');
    await page.close();
  });

  it('lets a send to an MSSanté address go', async () => {
    const page = await open('https://mailiz.mssante.fr/mail?view=compose');
    await mailizTo(page, 'dr.bernard@aphp.mssante.fr');
    await page.click('#zb__COMPOSE-1__SEND');
    await expect(sentCount(page)).resolves.toBe(1);
    await page.close();
  });
});

describe('with a managed policy in Chromium’s policy folder', () => {
  let managed: Browser;
  let companion: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    await browser.close();
    const { unpackedExtensionId, EXTENSION } = await import('./harness');
    companion = await startCompanion(unpackedExtensionId(EXTENSION));
    managed = await launch(fixtures, {
      policy: {
        mode: 'warn',
        healthData: { consumerSender: 'block' },
        serverUrl: companion.url,
        webmailProviders: [{ hosts: ['webmail.ght-exemple.mssante.fr'], selectors: { composeRoot: '#redaction', from: [{ selector: '#expediteur' }], recipients: { to: { chips: [], input: '#dest' } }, subject: '#objet', body: '#corps', sendButton: '#envoyer' } }],
      },
    });
  }, 60_000);
  afterAll(async () => {
    await managed?.close();
    await companion?.close();
  });

  it('the extension sees the policy', async () => {
    await expect(managed.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<unknown> } } } }).chrome.storage.managed.get(null))).resolves.toMatchObject({ mode: 'warn', healthData: { consumerSender: 'block' } });
  });

  it('a regional MSSanté webmail IT declares by policy (host and selectors) is guarded', async () => {
    const page = await managed.context.newPage();
    await page.goto('https://webmail.ght-exemple.mssante.fr/?page=custom-webmail');
    await banner(page).waitFor({ state: 'attached' });
    await page.fill('#dest', 'confrere@chu-exemple.mssante.fr, paul.durand@gmail.com');
    await page.click('#envoyer');
    await banner(page).locator('button[data-action="send-anyway"]').waitFor();
    await expect(alert(page).textContent()).resolves.toMatch(/paul\.durand@gmail\.com/);
    await expect(sentCount(page)).resolves.toBe(0);
    await shot(page, 'policy-custom-webmail');
    await page.close();
  });

  it('the options page shows the settings IT locked, and the user cannot change them', async () => {
    const page = await managed.context.newPage();
    await page.goto(`chrome-extension://${managed.extensionId}/options.html`);
    await expect(page.locator('#server').inputValue()).resolves.toBe(companion.url);
    await expect(page.locator('#server').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#language').isDisabled()).resolves.toBe(false);
    await expect(page.locator('#locked').textContent()).resolves.toMatch(/Fixé par votre établissement : .*mode/);
    await expect(page.locator('#effective').textContent()).resolves.toContain('"consumerSender": "block"');
    await shot(page, 'options-locked');
    await page.close();
  });

  it('mode "warn": the MSSanté webmail asks for confirmation instead of blocking', async () => {
    const page = await managed.context.newPage();
    await page.goto('https://mailiz.mssante.fr/mail?view=compose');
    await banner(page).waitFor({ state: 'attached' });
    await addRecipient(page.locator('#zv__COMPOSE-1_to_control'), 'paul.durand@gmail.com');
    await page.click('#zb__COMPOSE-1__SEND');
    await banner(page).locator('button[data-action="send-anyway"]').waitFor();
    await expect(alert(page).textContent()).resolves.toMatch(/Attention : paul\.durand@gmail\.com n’a pas d’adresse MSSanté/);
    await shot(page, 'policy-mssante-warn');
    await banner(page).locator('button[data-action="send-anyway"]').click();
    await expect(sentCount(page)).resolves.toBe(1);
    await page.close();
  });

  it('healthData.consumerSender "block": Gmail with a NIR is stopped, not merely warned', async () => {
    const page = await managed.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await gmailDraft(page, 'paul.durand@gmail.com', 'Suivi', `NIR ${NIR}`);
    await page.click('div[role="button"][data-tooltip^="Envoyer"]');
    await banner(page).locator('button[data-action="dismiss"]').waitFor();
    await expect(alert(page).textContent()).resolves.toMatch(/Envoi bloqué : données de santé détectées/);
    await expect(sentCount(page)).resolves.toBe(0);
    await shot(page, 'policy-gmail-blocked');
    await page.close();
  });

  it('the picker finds an MSSanté address in the Annuaire Santé and inserts it into the To field', async () => {
    const page = await managed.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await banner(page).locator('button[data-action="directory"]').click();
    const frame = page.frameLocator('vigie-banner iframe');
    const search = frame.getByRole('combobox');
    await search.fill('martin');
    const option = frame.locator('[role="option"]').first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    const address = ((await option.locator('.vigie-address').textContent()) ?? '').trim();
    expect(address).toMatch(/^[\w.+-]+@[\w.-]+\.mssante\.fr$/);
    const add = frame.locator('button[aria-label^="Ajouter "][aria-label$=" en À"]').first();
    const label = (await add.getAttribute('aria-label'))!;
    await add.click();
    const chip = page.locator(`[aria-label="Destinataires À"] [role="option"][data-hovercard-id="${address}"]`);
    await chip.waitFor({ timeout: 5000 });
    expect(label).toMatch(/^Ajouter .+ en À$/);
    await shot(page, 'picker-inserted');
    await page.close();
  });

  it('DI documents from the panel land in the MSSanté compose: IHE_XDM.ZIP and the PDF attached, the subject set', async () => {
    const page = await managed.context.newPage();
    await page.goto('https://mailiz.mssante.fr/mail?view=compose');
    await banner(page).locator('button[data-action="directory"]').click();
    const frame = page.frameLocator('vigie-banner iframe');
    await frame.getByRole('tab', { name: 'Documents DI' }).click();
    await frame.getByLabel('Matricule INS du patient').fill('279035121518989');
    await frame.getByLabel('Nom de naissance').fill('DUPONT');
    await frame.getByLabel('Premier prénom').fill('Marie');
    await frame.getByLabel('Date de naissance').fill('1979-03-05');
    await frame.getByRole('button', { name: 'Chercher les documents' }).click();
    const box = frame.getByRole('checkbox').first();
    await box.waitFor({ timeout: 15_000 });
    await box.check();
    await frame.getByRole('button', { name: 'Joindre au message' }).click();
    // A webmail cannot set the MSSanté headers: the panel says so before attaching, and the user decides.
    await expect(frame.getByRole('alert').textContent()).resolves.toMatch(/X-MSS-CODECDA/);
    await shot(page, 'di-documents-headers-warning');
    await frame.getByRole('button', { name: 'Joindre quand même' }).click();
    const chips = page.locator('[id$="_attachments_div"] .AttLink');
    await chips.nth(1).waitFor({ timeout: 15_000 });
    const names = await chips.allTextContents();
    expect(names).toContain('IHE_XDM.ZIP');
    expect(names.some((n) => /\.pdf$/i.test(n))).toBe(true);
    await expect(page.locator('#zv__COMPOSE-1_subject_control').inputValue()).resolves.not.toBe('');
    await shot(page, 'di-documents-attached');
    await page.close();
  });
});
