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
import { defaultPolicy } from '../../../shared/config/policy';
import type { Draft } from '../../../shared/model';
import { providerForHost } from '../providers';
import { ComposeGuard } from './guard';

const NIR = '2 95 10 99 126 111 93';
const fixture = (p: string) => readFileSync(join(__dirname, '../../../test/fixtures/webmail', p), 'utf8');

function load(page: string, host: string, check?: (d: Draft) => ReturnType<typeof checkDraft>) {
  document.documentElement.innerHTML = fixture(page).replace(/<script[\s\S]*?<\/script>/g, '').replace(/^<!DOCTYPE html>/i, '');
  const match = providerForHost(host)!;
  const sent: string[] = [];
  document.addEventListener('click', (e) => {
    if ((e.target as Element).closest(match.selectors.sendButton)) sent.push('click');
  });
  const guard = new ComposeGuard({
    provider: match.provider,
    selectors: match.selectors,
    lang: 'fr',
    debounceMs: 0,
    check: check ?? ((d) => checkDraft(d, { whitelist: embeddedDomainSet(), policy: defaultPolicy(), scanHealthData: scanDraft })),
  });
  guard.start();
  const shadow = () => document.querySelector('vigie-banner')!.shadowRoot!;
  const alert = () => shadow().querySelector<HTMLElement>('.alert')!;
  const button = (action: string) => shadow().querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  const send = () => document.querySelector<HTMLElement>(match.selectors.sendButton)!;
  return { guard, sent, alert, button, send };
}

function chip(container: string, html: string) {
  document.querySelector(container)!.insertAdjacentHTML('beforeend', html);
}

afterEach(() => {
  document.documentElement.innerHTML = '';
});

describe('ComposeGuard', () => {
  it('Gmail: stops the send of a NIR to gmail.com until the user confirms, then lets exactly one through', () => {
    const { guard, sent, alert, button, send } = load('gmail/compose.html', 'mail.google.com');
    chip('[aria-label="Destinataires À"] [role="listbox"]', '<div role="option" data-hovercard-id="paul.durand@gmail.com">Paul</div>');
    document.querySelector('div[g_editable="true"]')!.textContent = `NIR ${NIR}`;
    send().click();
    expect(sent).toEqual([]);
    expect(alert().dataset.level).toBe('warn');
    expect(alert().textContent).toMatch(/Confirmez-vous l’envoi \?Attention\s: des données de santé/);
    button('cancel')!.click();
    expect(sent).toEqual([]);
    send().click();
    button('send-anyway')!.click();
    expect(sent).toEqual(['click']);
    send().click(); // the bypass was one-shot
    expect(sent).toEqual(['click']);
    guard.stop();
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
    chip('[aria-label="Destinataires À"] [role="listbox"]', '<div role="option" data-hovercard-id="paul.durand@gmail.com">Paul</div>');
    document.querySelector('div[g_editable="true"]')!.textContent = 'On se voit samedi ?';
    send().click();
    expect(sent).toEqual(['click']);
    expect(alert().hidden).toBe(true);
    guard.stop();
  });

  it('fails quietly: a page it cannot read, or a check that throws, leaves Send alone and says so', () => {
    const changed = load('gmail/compose-changed.html', 'mail.google.com');
    expect(changed.alert().dataset.level).toBe('unsupported');
    expect(changed.alert().textContent).toMatch(/Vigie ne peut pas vérifier ce message/);
    (document.querySelector('.c-send') as HTMLElement).click();
    changed.guard.stop();

    const broken = load('gmail/compose.html', 'mail.google.com', () => {
      throw new Error('boom');
    });
    broken.send().click();
    expect(broken.sent).toEqual(['click']);
    expect(broken.alert().dataset.level).toBe('unsupported');
    broken.guard.stop();
  });

  it('a consumer webmail whose sender cannot be read is reported, not guessed', () => {
    const { guard, alert } = load('gmail/compose.html', 'mail.google.com');
    document.title = 'Gmail';
    document.querySelector('div[g_editable="true"]')!.dispatchEvent(new Event('input', { bubbles: true }));
    return new Promise<void>((resolve) => setTimeout(() => {
      expect(alert().dataset.level).toBe('unsupported');
      guard.stop();
      resolve();
    }, 20));
  });
});
