// Options page: the user's own settings (language, companion server) and the effective configuration, with the keys
// IT set by policy shown locked and any rejected value named.
import { browserStorage, getBrowser } from '../../browser-api';
import { browserLanguage } from '../messages';
import { extraOrigins } from '../background/policy-webmails';
import { languageFor, loadSettings, webmailProviders } from '../settings';
import { partNames } from '../messages';
import { providers } from '../providers';
import { readMissing } from './diagnostics';

const text = {
  fr: {
    title: 'Vigie MSSanté — réglages',
    language: 'Langue',
    auto: 'Celle du navigateur',
    server: 'Serveur Vigie de l’établissement',
    save: 'Enregistrer',
    saved: 'Réglages enregistrés.',
    locked: 'Fixé par votre établissement',
    effective: 'Configuration en vigueur',
    rejected: 'Valeur ignorée car invalide',
    invalidUrl: 'Adresse invalide : elle doit commencer par https://',
    hosts: 'Messageries MSSanté déclarées par votre établissement : Vigie doit y être autorisé.',
    allow: 'Autoriser Vigie sur ces messageries',
    allowed: 'Vigie est autorisé sur ces messageries.',
    missing: 'Pages que Vigie n’a pas pu lire',
    missingText:
      'Sur ces messageries, Vigie n’a pas trouvé ce qu’il lui faut : il retient l’envoi et demande à l’utilisateur de vérifier lui-même. Adaptez les sélecteurs (réglage webmailProviders) ou signalez-le à l’éditeur de Vigie.',
    notFound: 'Vigie ne trouve pas',
  },
  en: {
    title: 'Vigie MSSanté — settings',
    language: 'Language',
    auto: 'The browser’s',
    server: 'Your organisation’s Vigie server',
    save: 'Save',
    saved: 'Settings saved.',
    locked: 'Set by your organisation',
    effective: 'Effective configuration',
    rejected: 'Value ignored as invalid',
    invalidUrl: 'Invalid address: it must start with https://',
    hosts: 'MSSanté webmails declared by your organisation: Vigie must be allowed on them.',
    allow: 'Allow Vigie on these webmails',
    allowed: 'Vigie is allowed on these webmails.',
    missing: 'Pages Vigie could not read',
    missingText:
      'On these webmails Vigie did not find what it needs: it holds the send and asks the user to check for themselves. Adjust the selectors (webmailProviders setting) or report it to Vigie’s publisher.',
    notFound: 'Vigie cannot find',
  },
};

async function main() {
  const storage = browserStorage();
  const s = await loadSettings(storage);
  const lang = languageFor(s, browserLanguage(getBrowser().i18n.getUILanguage(), navigator.languages));
  const t = text[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  $('title').textContent = t.title;
  $('l-language').textContent = t.language;
  $('l-server').textContent = t.server;
  $('save').textContent = t.save;
  $('h-effective').textContent = t.effective;
  const language = $<HTMLSelectElement>('language');
  language.options[0]!.textContent = t.auto;
  language.value = s.language;
  const server = $<HTMLInputElement>('server');
  server.value = s.serverUrl ?? '';
  for (const [el, key] of [
    [language, 'language'],
    [server, 'serverUrl'],
  ] as const) {
    if (s.locked.includes(key)) {
      el.disabled = true;
      el.title = t.locked;
      el.insertAdjacentText('afterend', ` (${t.locked})`);
    }
  }
  $('effective').textContent = JSON.stringify({ ...s.policy, serverUrl: s.serverUrl, language: s.language, webmailProviders: webmailProviders(s) }, null, 2);
  $('locked').textContent = s.locked.length ? `${t.locked}${lang === 'fr' ? '\u00a0:' : ':'} ${s.locked.join(', ')}` : '';
  $('rejected').textContent = s.problems.length
    ? `${t.rejected}${lang === 'fr' ? '\u00a0:' : ':'} ${s.problems.map((r) => `${r.key} (${r.source})`).join(', ')}`
    : '';
  await showMissing(lang);
  const origins = extraOrigins(webmailProviders(s));
  if (origins.length) {
    const browser = getBrowser();
    const section = $('hosts');
    section.hidden = false;
    $('hosts-text').textContent = `${t.hosts} ${origins.map((o) => o.slice(8, -2)).join(', ')}`;
    const allow = $<HTMLButtonElement>('allow');
    allow.textContent = t.allow;
    const refresh = async () => {
      const ok = await browser.permissions.contains({ origins });
      allow.hidden = ok;
      $('hosts-status').textContent = ok ? t.allowed : '';
    };
    allow.addEventListener('click', () => void browser.permissions.request({ origins }).then(refresh));
    await refresh();
  }
  $('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const url = server.value.trim();
    if (url && !/^https?:\/\/[^\s/]+/.test(url)) {
      $('status').textContent = t.invalidUrl;
      return;
    }
    const patch: Record<string, unknown> = {};
    if (!language.disabled) patch.language = language.value;
    if (!server.disabled) patch.serverUrl = url || undefined;
    await storage.setUser(patch);
    $('status').textContent = t.saved;
  });
}

/** For IT: which part of which provider's page Vigie could not find, where and when. */
async function showMissing(lang: 'fr' | 'en'): Promise<void> {
  const reports = await readMissing().catch(() => []);
  if (!reports.length) return;
  const t = text[lang];
  document.getElementById('missing-section')!.hidden = false;
  document.getElementById('h-missing')!.textContent = t.missing;
  document.getElementById('missing-text')!.textContent = t.missingText;
  const list = document.getElementById('missing')!;
  for (const r of reports) {
    const li = document.createElement('li');
    const name = providers.find((p) => p.id === r.provider)?.name ?? r.provider;
    const when = new Date(r.at).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
    li.textContent = `${name} (${r.host})${lang === 'fr' ? '\u00a0:' : ':'} ${t.notFound} ${partNames(r.parts, lang)} — ${when}`;
    li.dataset.provider = r.provider;
    list.append(li);
  }
}

void main();
