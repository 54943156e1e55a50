/**
 * @jest-environment jsdom
 */
// Compose sessions on the saved pages (jsdom): what they read, and how they cope with what they cannot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { providerForHost } from './index';
import { addressIn } from './dom-compose-session';
import { findFirst } from './query';

const load = (p: string) => {
  document.documentElement.innerHTML = readFileSync(join(__dirname, '../../../test/fixtures/webmail', p), 'utf8')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/^<!DOCTYPE html>/i, '');
};
const session = (host: string, over?: Parameters<typeof providerForHost>[1]) => {
  const m = providerForHost(host, over)!;
  return m.provider.createSession(findFirst(document, m.selectors.composeRoot)!, m.selectors);
};

describe('webmail compose sessions', () => {
  it('Gmail: the sender comes from the page title, typed-but-not-committed text counts as a recipient', () => {
    load('gmail/compose.html');
    (document.querySelector('input[aria-label="Destinataires À"]') as HTMLInputElement).value = 'paul@gmail.com; Jeanne <j@free.fr>';
    const d = session('mail.google.com').readDraft();
    expect(d.from).toBe('dr.martin.cabinet@gmail.com');
    // The field as typed; the core splits it (RFC 5322, `,` or `;`).
    expect(d.to).toEqual(['paul@gmail.com; Jeanne <j@free.fr>']);
  });

  it('Outlook: with no From field, the signed-in account is the sender', () => {
    load('outlook-web/compose.html');
    document.querySelector('button[aria-label^="De :"]')!.remove();
    expect(session('outlook.office.com').readDraft().from).toBe('');
    document.body.insertAdjacentHTML('afterbegin', '<div id="mectrl_currentAccount_secondary">marie.martin@outlook.fr</div>');
    expect(session('outlook.office.com').readDraft().from).toBe('marie.martin@outlook.fr');
  });

  it('a recipient shown by name only is passed on as typed (the core reports it unreadable), not dropped', () => {
    load('outlook-web/compose.html');
    document
      .querySelector('div[contenteditable="true"][aria-label="À"]')!
      .insertAdjacentHTML('beforeend', '<span contenteditable="false" title="Paul Durand">Paul Durand</span>');
    expect(session('outlook.office.com').readDraft().to).toEqual(['Paul Durand']);
  });

  it('a broken selector from policy reads as missing instead of throwing into the page', () => {
    load('generic-mssante/compose.html');
    const s = session('mailiz.mssante.fr', [{ hosts: ['mailiz.mssante.fr'], selectors: { body: 'textarea[[', sendButton: '###' } }]);
    // Zimbra's own Send (`zb__` + the compose's id) is still found; the broken body selector reads as missing.
    expect(s.missing()).toEqual(['body']);
    expect(s.readDraft().body).toBe('');
    expect(s.isSendTarget(document.body)).toBe(false);
  });

  it('extracts the address from a chip label', () => {
    expect(addressIn('De : Marie Martin <dr.martin@outlook.fr>')).toBe('dr.martin@outlook.fr');
    expect(addressIn(' Paul ')).toBe('Paul');
  });
});
