// Chromium-only flows of the webmail extension (managed policy in Chromium's policy folder, the picker over the
// companion server, DI documents, the options page); the flows every browser runs are in test/e2e/webmail/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { builtExtensionId, launch, startCompanion, startFixtureServer, SCREENSHOTS, type Browser, type FixtureServer } from './harness';

const NIR = '2 95 10 99 126 111 93';
let fixtures: FixtureServer;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  fixtures = await startFixtureServer();
}, 60_000);

afterAll(async () => {
  await fixtures?.close();
});

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

describe('with a managed policy in Chromium’s policy folder', () => {
  let managed: Browser;
  let companion: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    companion = await startCompanion(builtExtensionId());
    managed = await launch(fixtures, {
      policy: {
        mode: 'warn',
        healthData: { consumerSender: 'block' },
        serverUrl: companion.url,
        webmailProviders: [
          {
            hosts: ['webmail.ght-exemple.mssante.fr'],
            selectors: {
              composeRoot: '#redaction',
              from: [{ selector: '#expediteur' }],
              recipients: { to: { chips: [], input: '#dest' } },
              subject: '#objet',
              body: '#corps',
              sendButton: '#envoyer',
            },
          },
        ],
      },
    });
  }, 60_000);
  afterAll(async () => {
    await managed?.close();
    await companion?.close();
  });

  it('the extension sees the policy', async () => {
    await expect(
      managed.worker.evaluate(() =>
        (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<unknown> } } } }).chrome.storage.managed.get(null),
      ),
    ).resolves.toMatchObject({ mode: 'warn', healthData: { consumerSender: 'block' } });
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
    // The effective settings keep the server with a trailing slash.
    await expect(page.locator('#server').inputValue()).resolves.toBe(`${companion.url}/`);
    await expect(page.locator('#server').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#language').isDisabled()).resolves.toBe(false);
    await expect(page.locator('#locked').textContent()).resolves.toMatch(/Fixé par votre établissement\s: .*mode/);
    await expect(page.locator('#effective').textContent()).resolves.toContain('"consumerSender": "block"');
    await shot(page, 'options-locked');
    await page.close();
  });

  it('the options page shows IT which part of which provider Vigie could not find', async () => {
    const gmail = await managed.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/?redesign=1');
    await alert(gmail).waitFor({ state: 'visible' });
    // mode "warn" here: the unreadable compose asks before sending.
    await gmail.fill('div.Am.editable', `NIR ${NIR}`);
    await gmail.click('div[role="button"].aoO');
    await banner(gmail).locator('button[data-action="send-anyway"]').waitFor();
    await expect(sentCount(gmail)).resolves.toBe(0);
    const page = await managed.context.newPage();
    await page.goto(`chrome-extension://${managed.extensionId}/options.html`);
    await expect(page.locator('#missing li[data-provider="gmail"]').textContent()).resolves.toMatch(
      /^Gmail \(mail\.google\.com\)\u00a0: Vigie ne trouve pas le champ À — /,
    );
    await shot(page, 'options-missing-parts');
    await page.close();
    await gmail.close();
  });

  it('mode "warn": the MSSanté webmail asks for confirmation instead of blocking', async () => {
    const page = await managed.context.newPage();
    await page.goto('https://mailiz.mssante.fr/mail?view=compose');
    await banner(page).waitFor({ state: 'attached' });
    await addRecipient(page.locator('#zv__COMPOSE-1_to_control'), 'paul.durand@gmail.com');
    await page.click('#zb__COMPOSE-1__SEND');
    await banner(page).locator('button[data-action="send-anyway"]').waitFor();
    await expect(alert(page).textContent()).resolves.toMatch(/Attention\s: paul\.durand@gmail\.com n’a pas d’adresse MSSanté/);
    await shot(page, 'policy-mssante-warn');
    // Sending anyway asks why first.
    await banner(page).locator('button[data-action="send-anyway"]').click();
    await banner(page).locator('form.reason input[type="radio"]').first().check();
    await banner(page).locator('button[data-action="confirm-send"]').click();
    await expect(sentCount(page)).resolves.toBe(1);
    await page.close();
  });

  it('healthData.consumerSender "block": Gmail with a NIR is stopped, not merely warned', async () => {
    const page = await managed.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await gmailDraft(page, 'paul.durand@gmail.com', 'Suivi', `NIR ${NIR}`);
    await page.click('div[role="button"][data-tooltip^="Envoyer"]');
    await banner(page).locator('button[data-action="dismiss"]').waitFor();
    await expect(alert(page).textContent()).resolves.toMatch(
      /^Envoi bloqué\s: des données de santé \(NIR détecté\) partent depuis une messagerie grand public/,
    );
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
    const chip = page.locator(`div.anm[name="to"] [role="option"][data-hovercard-id="${address}"]`);
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
