import { extraOrigins, syncPolicyWebmails, POLICY_SCRIPT_ID, type ScriptingApi } from './policy-webmails';

describe('content script on MSSanté webmails declared by policy', () => {
  it('asks only for hosts the manifest does not already cover', () => {
    expect(
      extraOrigins([{ hosts: ['webmail.ght-exemple.mssante.fr', 'messagerie.sante-exemple.fr', '*.ght-sud.fr'] }, { hosts: ['mail.google.com'] }]),
    ).toEqual(['https://*.ght-sud.fr/*', 'https://messagerie.sante-exemple.fr/*']);
    expect(extraOrigins([])).toEqual([]);
  });

  function fakeApi(granted: string[]) {
    const registered: { id: string; matches: string[] }[] = [];
    const api: ScriptingApi = {
      permissions: { contains: async ({ origins }) => origins.every((o) => granted.includes(o)) },
      scripting: {
        getRegisteredContentScripts: async () => registered.map((r) => ({ id: r.id })),
        registerContentScripts: async (s) => void registered.push(...s),
        unregisterContentScripts: async () => void registered.splice(0),
      },
    };
    return { api, registered };
  }

  it('registers the content script on the granted hosts only, replacing any earlier registration', async () => {
    const f = fakeApi(['https://messagerie.sante-exemple.fr/*']);
    const configured = [{ hosts: ['messagerie.sante-exemple.fr', 'autre.sante-exemple.fr'] }];
    await expect(syncPolicyWebmails(f.api, configured)).resolves.toEqual(['https://messagerie.sante-exemple.fr/*']);
    await syncPolicyWebmails(f.api, configured);
    expect(f.registered).toEqual([expect.objectContaining({ id: POLICY_SCRIPT_ID, matches: ['https://messagerie.sante-exemple.fr/*'], js: ['content.js'] })]);
    await syncPolicyWebmails(f.api, []);
    expect(f.registered).toEqual([]);
  });
});
