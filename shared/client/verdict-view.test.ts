import { checkDraft } from '../send-check';
import { verdictView } from './verdict-view';
import { aDomainSet, aDraft, aPolicy } from '../testing/builders';
import type { Draft } from '../model';

const whitelist = aDomainSet([...aDomainSet().domains, 'chru-lille.mssante.fr']);
const view = (d: Partial<Draft>, lang: 'fr' | 'en' = 'fr', maxLength?: number, generatedAt?: string) =>
  verdictView(
    checkDraft(aDraft(d), { whitelist: generatedAt ? aDomainSet(whitelist.domains as string[], generatedAt) : whitelist, policy: aPolicy() }),
    lang,
    maxLength ? { maxLength } : {},
  );

describe('how a verdict reads, in every host', () => {
  it('a block: headline, the recipients outside with why, the directory as the way out', () => {
    const v = view({ to: ['durand@medecin.mssante.fr', 'jean.dupont@gmail.com'] });
    expect(v).toMatchObject({ level: 'block', failure: false, headline: 'Envoi bloqué', actions: ['directory'] });
    expect(v.recipients).toEqual([expect.objectContaining({ address: 'jean.dupont@gmail.com', category: 'consumer', field: 'to' })]);
    expect(v.message).toContain('jean.dupont@gmail.com');
  });

  it('gives the look-alike hint in the message, in the address as typed', () => {
    const v = view({ to: ['dr.x@chru-lile.mssante.fr'] });
    expect(v.recipients[0]!.suggestion).toBe('dr.x@chru-lille.mssante.fr');
    expect(v.message).toContain('vouliez-vous dire dr.x@chru-lille.mssante.fr\u00a0?');
    expect(view({ to: ['dr.x@chru-lile.mssante.fr'] }, 'en').message).toContain('did you mean dr.x@chru-lille.mssante.fr?');
  });

  it('shows a homoglyph domain as the user typed it, not as punycode', () => {
    const v = view({ to: ['dr.x@chru-lіlle.mssante.fr'] }); // Cyrillic і
    expect(v.recipients[0]!.address).toBe('dr.x@chru-lіlle.mssante.fr');
    expect(v.recipients[0]!.address).not.toMatch(/xn--/);
  });

  it('says a stale list where it matters, and fits Outlook’s 500 characters keeping the main message whole', () => {
    const many = Array.from({ length: 12 }, (_, i) => `personne.numero${i}@gmail.com`);
    const v = view({ to: many }, 'fr', 500, '2024-01-01T00:00:00Z');
    expect(v.message.length).toBeLessThanOrEqual(500);
    expect(v.message.startsWith('Envoi bloqué')).toBe(true);
    const stale = view({ to: ['jean.dupont@gmail.com'] }, 'fr', undefined, '2024-01-01T00:00:00Z');
    expect(stale.message).toMatch(/La liste blanche MSSanté utilisée date du/);
    expect(view({ to: ['durand@medecin.mssante.fr'] }, 'fr', undefined, '2024-01-01T00:00:00Z').message).not.toMatch(/date du/);
  });

  it('a warning offers to send anyway', () => {
    const v = verdictView(checkDraft(aDraft({ to: ['jean.dupont@gmail.com'] }), { whitelist, policy: aPolicy({ mode: 'warn' }) }), 'en');
    expect(v).toMatchObject({ level: 'warn', headline: 'Confirm before sending', actions: ['send-anyway', 'directory'] });
  });

  it('says once what happened, and names one recipient or several as French and English write them', () => {
    const one = view({ to: ['jean.dupont@gmail.com'] });
    expect(one.message).toBe(
      'Envoi bloqué\u00a0: jean.dupont@gmail.com n’a pas d’adresse MSSanté. Cherchez ce destinataire dans l’Annuaire Santé (bouton «\u202fAnnuaire Santé\u202f») et utilisez son adresse MSSanté, ou retirez-le du message.',
    );
    const five = view({ to: ['a@gmail.com', 'b@gmail.com', 'c@yahoo.fr', 'd@orange.fr', 'e@free.fr', 'bad address'] });
    expect(five.message.match(/Envoi bloqué/g)).toHaveLength(1);
    expect(five.message).toMatch(
      /^Envoi bloqué\u00a0: l’adresse bad address est illisible\. Corrigez la saisie\. a@gmail\.com, b@gmail\.com, c@yahoo\.fr et 2\u00a0autres n’ont pas d’adresse MSSanté\. Cherchez ces destinataires .* retirez-les du message\.$/,
    );
    expect(view({ to: ['a@gmail.com', 'b@gmail.com', 'c@yahoo.fr', 'd@orange.fr'] }, 'en').message).toMatch(
      /^Send blocked: a@gmail\.com, b@gmail\.com, c@yahoo\.fr and 1 other have no MSSanté address\. Look these recipients up/,
    );
  });
});
