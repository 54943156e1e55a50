// MSSanté webmails IT declares by policy on hosts the manifest does not cover (outside *.mssante.fr): the content
// script is registered for them once the browser grants Vigie access to those hosts (optional host permissions,
// granted from the options page).
import { hostMatches, builtInHosts, type ConfiguredWebmail } from '../providers';

export const POLICY_SCRIPT_ID = 'vigie-policy-webmails';

/** `https://host/*` patterns for the declared hosts that no built-in content-script match already covers. */
export function extraOrigins(configured: readonly ConfiguredWebmail[]): string[] {
  const builtIn = builtInHosts();
  const out = new Set<string>();
  for (const c of configured) {
    for (const h of c.hosts) {
      const probe = h.startsWith('*.') ? h.slice(2) : h;
      if (hostMatches(probe, builtIn) && (!h.startsWith('*.') || hostMatches(`x.${probe}`, builtIn))) continue;
      out.add(`https://${h}/*`);
    }
  }
  return [...out].sort();
}

export interface ScriptingApi {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
    registerContentScripts(scripts: { id: string; matches: string[]; js: string[]; runAt?: 'document_idle'; persistAcrossSessions?: boolean }[]): Promise<void>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  };
}

/** Registers the content script on the declared hosts Vigie may access; returns the origins registered. */
export async function syncPolicyWebmails(api: ScriptingApi, configured: readonly ConfiguredWebmail[]): Promise<string[]> {
  const granted: string[] = [];
  for (const o of extraOrigins(configured)) if (await api.permissions.contains({ origins: [o] }).catch(() => false)) granted.push(o);
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [POLICY_SCRIPT_ID] });
  if (existing.length) await api.scripting.unregisterContentScripts({ ids: [POLICY_SCRIPT_ID] });
  if (granted.length)
    await api.scripting.registerContentScripts([
      { id: POLICY_SCRIPT_ID, matches: granted, js: ['content.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  return granted;
}
