// Options page: the user's own settings (language, companion server) and the effective configuration, with the keys
// IT set by policy shown locked and any rejected value named.
import { browserStorage, getBrowser, uiLanguage } from '../../browser-api';
import { extraOrigins } from '../background/policy-webmails';
import { languageFor, loadSettings, webmailProviders } from '../settings';

const text = {
  fr: { title: 'Vigie MSSanté — réglages', language: 'Langue', auto: 'Celle du navigateur', server: 'Serveur Vigie de l’établissement', save: 'Enregistrer', saved: 'Réglages enregistrés.', locked: 'Fixé par votre établissement', effective: 'Configuration en vigueur', rejected: 'Valeur ignorée car invalide', invalidUrl: 'Adresse invalide : elle doit commencer par https://', hosts: 'Messageries MSSanté déclarées par votre établissement : Vigie doit y être autorisé.', allow: 'Autoriser Vigie sur ces messageries', allowed: 'Vigie est autorisé sur ces messageries.' },
  en: { title: 'Vigie MSSanté — settings', language: 'Language', auto: 'The browser’s', server: 'Your organisation’s Vigie server', save: 'Save', saved: 'Settings saved.', locked: 'Set by your organisation', effective: 'Effective configuration', rejected: 'Value ignored as invalid', invalidUrl: 'Invalid address: it must start with https://', hosts: 'MSSanté webmails declared by your organisation: Vigie must be allowed on them.', allow: 'Allow Vigie on these webmails', allowed: 'Vigie is allowed on these webmails.' },
};

async function main() {
  const storage = browserStorage();
  const s = await loadSettings(storage);
  const lang = languageFor(s, uiLanguage());
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
  for (const [el, key] of [[language, 'language'], [server, 'serverUrl']] as const) {
    if (s.locked.includes(key)) {
      el.disabled = true;
      el.title = t.locked;
      el.insertAdjacentText('afterend', ` (${t.locked})`);
    }
  }
  $('effective').textContent = JSON.stringify({ ...s.policy, serverUrl: s.serverUrl, language: s.language, webmailProviders: webmailProviders(s) }, null, 2);
  $('locked').textContent = s.locked.length ? `${t.locked} : ${s.locked.join(', ')}` : '';
  $('rejected').textContent = s.problems.length ? `${t.rejected} : ${s.problems.map((r) => `${r.key} (${r.source})`).join(', ')}` : '';
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

void main();
