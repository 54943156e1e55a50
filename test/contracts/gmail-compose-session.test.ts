/** @jest-environment ./test/support/jsdom-environment.cjs */
// The webmail extension's GmailComposeSession, on the saved Gmail compose page, passes the same contract as the
// Outlook and Thunderbird sessions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSessionContract, type ComposeScenario } from './compose-session';
import { providerForHost } from '../../extension/webmail/providers';
import { findFirst } from '../../extension/webmail/providers/query';
import type { ComposeSession } from '../../shared/ports/compose-session';

const page = readFileSync(join(__dirname, '../fixtures/webmail/gmail/compose.html'), 'utf8')
  .replace(/<script[\s\S]*?<\/script>/g, '')
  .replace(/^<!DOCTYPE html>/i, '');
const person = (p: { address: string; name?: string }) => (p.name ? `"${p.name}" <${p.address}>` : p.address);

function gmailWith(s: ComposeScenario): ComposeSession {
  document.documentElement.innerHTML = page;
  document.title = `Nouveau message - ${s.from.address} - Gmail`;
  const match = providerForHost('mail.google.com')!;
  const root = findFirst(document, match.selectors.composeRoot)!;
  // The scenario's recipients, typed into each field (what is typed counts, as in the page before Enter).
  root.querySelectorAll('[role="option"][data-hovercard-id]').forEach((chip) => chip.remove());
  for (const [field, label] of [
    ['to', 'À'],
    ['cc', 'Cc'],
    ['bcc', 'Cci'],
  ] as const) {
    const input = root.querySelector<HTMLInputElement>(`input[aria-label="Destinataires ${label}"]`)!;
    input.value = s[field].map(person).join('; ');
  }
  root.querySelector<HTMLInputElement>('input[name="subjectbox"]')!.value = s.subject;
  root.querySelector('div[role="textbox"][g_editable="true"], div.Am.Al.editable')!.textContent = s.body;
  root.querySelectorAll('div.dL').forEach((a) => a.remove());
  for (const name of s.attachments) root.insertAdjacentHTML('beforeend', `<div class="dL"><span class="vI">${name}</span></div>`);
  const session = match.provider.createSession(root, match.selectors);
  return {
    readDraft: async () => session.readDraft(),
    addRecipient: async (field, r) => {
      if (!session.insertRecipient(r.address, r.displayName, field)) throw new Error(`no ${field} field`);
    },
  };
}

composeSessionContract('Gmail webmail (GmailComposeSession)', gmailWith);
