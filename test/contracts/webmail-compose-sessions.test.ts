/** @jest-environment ./test/support/jsdom-environment.cjs */
// The other webmail providers' ComposeSessions (Outlook on the web, Yahoo Mail, the generic MSSanté/Zimbra webmail),
// on their saved compose pages, pass the same contract as Gmail, Outlook and Thunderbird. The page is filled through
// the provider's own selectors, so a selector that stops matching its page fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSessionContract, type ComposeScenario } from './compose-session';
import { providerForHost } from '../../extension/webmail/providers';
import { findFirst } from '../../extension/webmail/providers/query';
import type { ComposeSession } from '../../shared/ports/compose-session';

const person = (p: { address: string; name?: string }) => (p.name ? `"${p.name}" <${p.address}>` : p.address);

function fill(el: Element, text: string): void {
  if (el instanceof HTMLIFrameElement) el.contentDocument!.body.textContent = text;
  else if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.value = text;
  else if (el instanceof HTMLSelectElement) el.innerHTML = `<option selected>${text}</option>`;
  else el.textContent = text;
}

function sessionOn(host: string, fixture: string) {
  const page = readFileSync(join(__dirname, '../fixtures/webmail', fixture), 'utf8')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/^<!DOCTYPE html>/i, '');
  return (s: ComposeScenario): ComposeSession => {
    document.documentElement.innerHTML = page;
    const match = providerForHost(host)!;
    const sel = match.selectors;
    const root = findFirst(document, sel.composeRoot)!;
    // The sender, where the provider reads it.
    const from = sel.from.map((src) => ({ src, el: root.querySelector(src.selector) ?? document.querySelector(src.selector) })).find((x) => x.el)!;
    // The address in the page's own wording (e.g. Outlook's "De : Nom <adresse>") is replaced by the scenario's.
    const swap = (old: string) => (/[^\s<>"]+@[^\s<>"]+/.test(old) ? old.replace(/[^\s<>"]+@[^\s<>"]+/, s.from.address) : s.from.address);
    if (from.src.attribute) from.el!.setAttribute(from.src.attribute, swap(from.el!.getAttribute(from.src.attribute) ?? ''));
    else if (from.el instanceof HTMLSelectElement) fill(from.el, s.from.address);
    else fill(from.el!, swap(from.el!.textContent ?? ''));
    for (const field of ['to', 'cc', 'bcc'] as const) {
      const spec = sel.recipients[field];
      for (const chip of spec.chips) root.querySelectorAll(chip.selector).forEach((c) => c.remove());
      fill(findFirst(root, spec.input)!, s[field].map(person).join('; '));
    }
    fill(findFirst(root, sel.subject)!, s.subject);
    fill(findFirst(root, sel.body)!, s.body);
    const session = match.provider.createSession(root, sel);
    return {
      readDraft: async () => session.readDraft(),
      addRecipient: async (field, r) => {
        if (!session.insertRecipient(r.address, r.displayName, field)) throw new Error(`no ${field} field`);
      },
    };
  };
}

composeSessionContract('Outlook on the web (OutlookWebComposeSession)', sessionOn('outlook.office.com', 'outlook-web/compose.html'));
composeSessionContract('Yahoo Mail (YahooComposeSession)', sessionOn('mail.yahoo.com', 'yahoo/compose.html'));
composeSessionContract(
  'MSSanté webmail, Zimbra text mode (GenericMssanteComposeSession)',
  sessionOn('mail.medecin.mssante.fr', 'generic-mssante/compose.html'),
);
composeSessionContract(
  'MSSanté webmail, Zimbra Classic with TinyMCE (GenericMssanteComposeSession)',
  sessionOn('webmail.ght-exemple.mssante.fr', 'generic-mssante/zimbra-classic.html'),
);
composeSessionContract('MSSanté webmail, Mailiz-like form (GenericMssanteComposeSession)', sessionOn('mailiz.mssante.fr', 'generic-mssante/mailiz.html'));
composeSessionContract('Gmail, older layout (GmailComposeSession)', sessionOn('mail.google.com', 'gmail/compose-legacy.html'));
