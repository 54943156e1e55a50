// Options page: the user's own settings (language, companion server) and the effective configuration, with the keys
// IT set by policy shown locked and any rejected value named.
import { browserStorage, uiLanguage } from '../../browser-api';
import { effectiveLanguage, resolveSettings } from '../settings';

const text = {
  fr: { title: 'Vigie MSSanté — réglages', language: 'Langue', auto: 'Celle du navigateur', server: 'Serveur Vigie de l’établissement', save: 'Enregistrer', saved: 'Réglages enregistrés.', locked: 'Fixé par votre établissement', effective: 'Configuration en vigueur', rejected: 'Valeur ignorée car invalide', invalidUrl: 'Adresse invalide : elle doit commencer par https://' },
  en: { title: 'Vigie MSSanté — settings', language: 'Language', auto: 'The browser’s', server: 'Your organisation’s Vigie server', save: 'Save', saved: 'Settings saved.', locked: 'Set by your organisation', effective: 'Effective configuration', rejected: 'Value ignored as invalid', invalidUrl: 'Invalid address: it must start with https://' },
};

async function main() {
  const storage = browserStorage();
  const managed = await storage.managed();
  const user = await storage.user();
  const s = resolveSettings(managed, user);
  const lang = effectiveLanguage(s, uiLanguage());
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
    if (s.managedKeys.includes(key)) {
      el.disabled = true;
      el.title = t.locked;
      el.insertAdjacentText('afterend', ` (${t.locked})`);
    }
  }
  $('effective').textContent = JSON.stringify({ ...s.policy, serverUrl: s.serverUrl, language: s.language, webmailProviders: s.webmailProviders }, null, 2);
  $('locked').textContent = s.managedKeys.length ? `${t.locked} : ${s.managedKeys.join(', ')}` : '';
  $('rejected').textContent = s.rejected.length ? `${t.rejected} : ${s.rejected.map((r) => `${r.key} (${r.source})`).join(', ')}` : '';
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
