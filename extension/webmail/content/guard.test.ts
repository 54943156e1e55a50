/**
 * @jest-environment jsdom
 */
// The guard against the saved compose pages in jsdom, with the core's real check (the same flows run in a real
// Chromium in test/e2e/chromium/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft } from '../../../shared/send-check';
import { scanDraft } from '../../../shared/health-data';
import { embeddedDomainSet } from '../../../shared/whitelist/embedded';
import { defaultPolicy, type OrgPolicy } from '../../../shared/config/policy';
import type { Draft } from '../../../shared/model';
import { providerForHost } from '../providers';
import { findFirst } from '../providers/query';
import type { Part } from '../providers/types';
import { ComposeGuard } from './guard';

const NIR = '2 95 10 99 126 111 93';
const fixture = (p: string) => readFileSync(join(__dirname, '../../../test/fixtures/webmail', p), 'utf8');

function load(
  page: string,
  host: string,
  opts: { check?: (d: Draft) => ReturnType<typeof checkDraft>; mode?: 'block' | 'warn'; send?: string; prepare?: () => void; policy?: Partial<OrgPolicy> } = {},
) {
  document.documentElement.innerHTML = fixture(page)
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/^<!DOCTYPE html>/i, '');
  document.title = /<title>(.*?)<\/title>/.exec(fixture(page))?.[1] ?? '';
  const match = providerForHost(host)!;
  const sendCss = opts.send ?? ([match.selectors.sendButton].flat()[0] as string);
  const sent: string[] = [];
  document.addEventListener('click', (e) => {
    if ((e.target as Element).closest(sendCss)) sent.push('click');
  });
  const reported: Part[][] = [];
  const policy = { ...defaultPolicy(), ...(opts.mode ? { mode: opts.mode } : {}), ...opts.policy };
  const audited: { verdict: string; outcome: string; reason?: string }[] = [];
  const guard = new ComposeGuard({
    provider: match.provider,
    selectors: match.selectors,
    lang: 'fr',
    debounceMs: 0,
    host,
    policy,
    report: (m) => reported.push(m),
    audit: (v, outcome, reason) => audited.push({ verdict: v.verdict, outcome, ...(reason ? { reason } : {}) }),
    check: opts.check ?? ((d) => checkDraft(d, { whitelist: embeddedDomainSet(), policy, scanHealthData: scanDraft })),
  });
  opts.prepare?.();
  guard.start();
  const shadow = () => document.querySelector('vigie-banner')!.shadowRoot!;
  const alert = () => shadow().querySelector<HTMLElement>('.alert')!;
  const button = (action: string) => shadow().querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  const send = () => findFirst<HTMLElement>(document, sendCss)!;
  const field = <T extends Element>(css: string) => shadow().querySelector<T>(css);
  return { guard, sent, alert, button, send, reported, audited, field, policy };
}

const ctrlEnter = (el: Element) => {
  const ev = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true });
  el.dispatchEvent(ev);
  return ev;
};

function chip(container: string, html: string) {
  document.querySelector(container)!.insertAdjacentHTML('beforeend', html);
}

afterEach(() => {
  document.documentElement.innerHTML = '';
});

describe('ComposeGuard', () => {
  it('Gmail: stops the send of a NIR to gmail.com until the user confirms, then lets exactly one through', () => {
    const { guard, sent, alert, button, send, field } = load('gmail/compose.html', 'mail.google.com');
    chip('div.anm[name="to"] [role="listbox"]', '<div role="option" data-hovercard-id="paul.durand@gmail.com">Paul</div>');
    document.querySelector('div[g_editable="true"]')!.textContent = `NIR ${NIR}`;
    send().click();
    expect(sent).toEqual([]);
    expect(alert().dataset.level).toBe('warn');
    expect(alert().textContent).toMatch(/Confirmez-vous l’envoi\u202f\?Attention\s: des données de santé/);
    button('cancel')!.click();
    expect(sent).toEqual([]);
    send().click();
    button('send-anyway')!.click();
    expect(sent).toEqual([]);
    field<HTMLInputElement>('input[type="radio"]')!.click();
    button('confirm-send')!.click();
    expect(sent).toEqual(['click']);
    send().click(); // the bypass was one-shot
    expect(sent).toEqual(['click']);
    guard.stop();
  });

  it('« Envoyer quand même » asks why: nothing leaves without a valid reason, the error is said, and the reason is recorded', async () => {
    const { guard, sent, alert, button, send, audited, field, policy } = load('gmail/compose.html', 'mail.google.com');
    chip('div.anm[name="to"] [role="listbox"]', '<div role="option" data-hovercard-id="paul.durand@gmail.com">Paul</div>');
    document.querySelector('div[g_editable="true"]')!.textContent = `NIR ${NIR}`;
    send().click();
    expect(audited).toEqual([{ verdict: 'warn', outcome: 'stopped' }]);
    button('send-anyway')!.click();
    // The form: the policy's reasons as radios, a labelled text field of 200 characters at most with the reminder.
    const form = field<HTMLFormElement>('form.reason')!;
    expect(form.querySelector('legend')!.textContent).toBe('Pourquoi envoyer quand même\u202f?');
    const radios = [...form.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.closest('label')!.textContent!.trim())).toEqual(policy.overrideReasons.map((r) => r.fr));
    const text = field<HTMLInputElement>('input[type="text"]')!;
    expect(text.maxLength).toBe(200);
    expect(text.closest('label')!.textContent).toMatch(/Autre motif/);
    expect(field('#vigie-reason-hint')!.textContent).toMatch(/N’y écrivez aucune donnée patient/);
    await Promise.resolve();
    expect((alert().getRootNode() as ShadowRoot).activeElement).toBe(radios[0]); // the keyboard lands on the first reason
    // No reason: refused, said, nothing sent.
    button('confirm-send')!.click();
    const error = field<HTMLElement>('#vigie-reason-error')!;
    expect([error.hidden, error.getAttribute('role'), error.textContent]).toEqual([
      false,
      'alert',
      'Choisissez un motif ou écrivez-le pour envoyer quand même.',
    ]);
    expect(text.getAttribute('aria-invalid')).toBe('true');
    // Patient data typed as the reason: refused too.
    text.value = `patient ${NIR}`;
    form.requestSubmit();
    expect(error.textContent).toMatch(/donnée personnelle/);
    expect(sent).toEqual([]);
    // A valid reason (Enter in the field submits the form): sent once, recorded as overridden with the reason.
    text.value = 'Le patient a demandé cet envoi';
    form.requestSubmit();
    expect(sent).toEqual(['click']);
    expect(audited).toEqual([
      { verdict: 'warn', outcome: 'stopped' },
      { verdict: 'warn', outcome: 'overridden', reason: 'Le patient a demandé cet envoi' },
    ]);
    guard.stop();
  });

  it('every check at Send is handed to the audit journal: a stopped block, an allowed send', () => {
    const blocked = load('generic-mssante/compose.html', 'mailiz.mssante.fr');
    chip('[id$="_to_row"] .bubbles', '<span class="addrBubble" email="paul.durand@gmail.com">paul</span>');
    blocked.send().click();
    expect(blocked.audited).toEqual([{ verdict: 'block', outcome: 'stopped' }]);
    blocked.guard.stop();
    const allowed = load('gmail/compose.html', 'mail.google.com');
    chip('div.anm[name="to"] [role="listbox"]', '<div role="option" data-hovercard-id="paul.durand@gmail.com">Paul</div>');
    document.querySelector('div[g_editable="true"]')!.textContent = 'On se voit samedi ?';
    allowed.send().click();
    expect(allowed.sent).toEqual(['click']);
    expect(allowed.audited).toEqual([{ verdict: 'allow', outcome: 'sent' }]);
    allowed.guard.stop();
  });

  it('Ctrl+Enter anywhere in the compose is checked like a click on Send', () => {
    const { guard, alert } = load('gmail/compose.html', 'mail.google.com');
    const body = document.querySelector<HTMLElement>('div[g_editable="true"]')!;
    body.textContent = `NIR ${NIR}`;
    const ev = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true });
    body.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(alert().querySelector('button[data-action="send-anyway"]')).not.toBeNull();
    const plainEnter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    body.dispatchEvent(plainEnter);
    expect(plainEnter.defaultPrevented).toBe(false);
    guard.stop();
  });

  it('MSSanté webmail: a send to gmail.com is blocked with no way round', () => {
    const { guard, sent, alert, button, send } = load('generic-mssante/compose.html', 'mailiz.mssante.fr');
    chip('[id$="_to_row"] .bubbles', '<span class="addrBubble" email="paul.durand@gmail.com">paul</span>');
    send().click();
    expect(sent).toEqual([]);
    expect(alert().dataset.level).toBe('block');
    expect(button('send-anyway')).toBeNull();
    expect(alert().textContent).toMatch(/Envoi bloqué\s: paul\.durand@gmail\.com/);
    guard.stop();
  });

  it('a harmless message goes straight through and shows no warning', () => {
    const { guard, sent, alert, send } = load('gmail/compose.html', 'mail.google.com');
    chip('div.anm[name="to"] [role="listbox"]', '<div role="option" data-hovercard-id="paul.durand@gmail.com">Paul</div>');
    document.querySelector('div[g_editable="true"]')!.textContent = 'On se voit samedi ?';
    send().click();
    expect(sent).toEqual(['click']);
    expect(alert().hidden).toBe(true);
    guard.stop();
  });

  it('a page it cannot read has its Send held with the reason (block mode: stopped), and IT is told which part', () => {
    const { guard, sent, alert, button, send, reported } = load('gmail/compose-changed.html', 'mail.google.com', { send: '.c-send' });
    expect(reported).toEqual([['to', 'body']]);
    expect(alert().dataset.level).toBe('block');
    expect(alert().textContent).toMatch(
      /Vigie n’a pas pu vérifier ce message\s?: la fenêtre de rédaction n’a pas pu être lue .*\(manque\u00a0: le champ À et le texte du message\)/,
    );
    send().click();
    expect(sent).toEqual([]);
    expect(button('dismiss')).not.toBeNull();
    expect(button('send-anyway')).toBeNull();
    expect(ctrlEnter(document.querySelector('[contenteditable="true"]')!).defaultPrevented).toBe(true);
    guard.stop();
  });

  it('warn mode: the same page asks, and « Envoyer quand même » sends once', () => {
    const { guard, sent, button, send, field } = load('gmail/compose-changed.html', 'mail.google.com', { send: '.c-send', mode: 'warn' });
    send().click();
    expect(sent).toEqual([]);
    button('send-anyway')!.click();
    field<HTMLInputElement>('input[type="text"]')!.value = 'Page changée, envoi vérifié à la main';
    button('confirm-send')!.click();
    expect(sent).toEqual(['click']);
    guard.stop();
  });

  it('a check that throws holds the send instead of letting it go', () => {
    const broken = load('gmail/compose.html', 'mail.google.com', {
      check: () => {
        throw new Error('boom');
      },
    });
    broken.send().click();
    expect(broken.sent).toEqual([]);
    expect(broken.alert().textContent).toMatch(/Vigie n’a pas pu vérifier ce message/);
    broken.guard.stop();
  });

  it('without a Send button, the keyboard shortcut is still held and the banner says the page is not guarded', () => {
    const { guard, alert, reported } = load('gmail/compose.html', 'mail.google.com', { prepare: () => document.querySelector('table.IZ')!.remove() });
    expect(alert().textContent).toMatch(
      /^Vigie ne peut pas surveiller cette page\u00a0: il ne retient que le raccourci Ctrl\+Entrée\.Vigie n’a pas pu vérifier ce message\s?: le bouton Envoyer de cette page n’a pas été reconnu/,
    );
    expect(ctrlEnter(document.querySelector('div.Am.editable')!).defaultPrevented).toBe(true);
    expect(reported).toEqual([['send']]);
    guard.stop();
  });

  it('a consumer webmail whose page does not show the account is a consumer sender by construction', () => {
    const { guard, sent, alert, send } = load('gmail/compose.html', 'mail.google.com');
    document.title = 'Gmail';
    chip('div.anm[name="to"] [role="listbox"]', '<div role="option" data-hovercard-id="paul.durand@gmail.com">Paul</div>');
    document.querySelector('div.Am.editable')!.textContent = `Patient NIR ${NIR}, diabète, metformine 500 mg.`;
    send().click();
    expect(sent).toEqual([]);
    expect([alert().dataset.level, alert().textContent]).toEqual(['warn', expect.stringMatching(/gmail\.com/)]);
    guard.stop();
  });

  it('Zimbra Classic: Send in the toolbar outside the compose (SEND_MENU) is held, its send-later arrow is not Send', () => {
    const { guard, sent, alert, send } = load('generic-mssante/zimbra-classic.html', 'webmail.ght-exemple.mssante.fr', { send: '#zb__COMPOSE-1__SEND_MENU' });
    chip('#zv__COMPOSE-1_to_cell .bubbles', '<span class="addrBubble"><span>paul.durand@gmail.com</span></span>');
    document.querySelector<HTMLElement>('#zb__COMPOSE-1__SEND_MENU_title')!.click();
    expect(sent).toEqual([]);
    expect(alert().textContent).toMatch(/paul\.durand@gmail\.com/);
    guard.stop();
    void send;
  });
});
