import { builtInHosts, hostMatches, providerForHost, providers } from './index';
import { genericMssanteSelectors } from './generic-mssante/selectors';

describe('webmail provider registry', () => {
  it('maps each provider host to its provider', () => {
    expect(providerForHost('mail.google.com')?.provider.id).toBe('gmail');
    expect(providerForHost('outlook.office.com')?.provider.id).toBe('outlook-web');
    expect(providerForHost('outlook.office365.com')?.provider.id).toBe('outlook-web');
    expect(providerForHost('outlook.live.com')?.provider.id).toBe('outlook-web');
    expect(providerForHost('mail.yahoo.com')?.provider.id).toBe('yahoo');
    expect(providerForHost('fr.mail.yahoo.com')?.provider.id).toBe('yahoo');
    expect(providerForHost('mailiz.mssante.fr')?.provider.id).toBe('generic-mssante');
    expect(providerForHost('webmail.ght-exemple.mssante.fr')?.provider.id).toBe('generic-mssante');
  });

  it('stays out of every other site, including look-alikes', () => {
    for (const h of ['google.com', 'mail.google.com.evil.fr', 'evilmail.google.com.fr', 'mssante.fr.example.com', 'notmssante.fr', 'example.org'])
      expect(providerForHost(h)).toBeUndefined();
    expect(hostMatches('MAIL.GOOGLE.COM.', ['mail.google.com'])).toBe(true);
  });

  it('a webmail IT declares by policy gets the generic MSSanté provider with its selector overrides', () => {
    const m = providerForHost('messagerie.sante-exemple.fr', [
      { hosts: ['messagerie.sante-exemple.fr'], selectors: { sendButton: '#envoyer', recipients: { to: { chips: [], input: '#a' } } as never } },
    ]);
    expect(m?.provider.id).toBe('generic-mssante');
    expect(m?.selectors.sendButton).toBe('#envoyer');
    expect(m?.selectors.recipients.to.input).toBe('#a');
    expect(m?.selectors.recipients.cc).toEqual(genericMssanteSelectors.recipients.cc);
    expect(m?.selectors.body).toBe(genericMssanteSelectors.body);
  });

  it('every provider has a name, a kind, hosts and every selector the session needs', () => {
    expect(new Set(providers.map((p) => p.id)).size).toBe(providers.length);
    for (const p of providers) {
      expect(p.hosts.length).toBeGreaterThan(0);
      for (const k of ['composeRoot', 'subject', 'body', 'sendButton'] as const) expect(p.selectors[k]).toBeTruthy();
      for (const f of ['to', 'cc', 'bcc'] as const) expect(p.selectors.recipients[f].input).toBeTruthy();
      expect(p.selectors.from.length).toBeGreaterThan(0);
    }
    expect(builtInHosts()).toEqual(providers.flatMap((p) => p.hosts));
  });
});
