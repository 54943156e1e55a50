// Audit mode: nothing is stopped, and the verdict the simulated mode would have given is kept beside it.
import { checkDraft } from './check-draft';
import { aDomainSet, aDraft, aPolicy } from '../testing/builders';
import type { Draft } from '../model';

const whitelist = aDomainSet();
const run = (draft: Partial<Draft>, policy: ReturnType<typeof aPolicy>) => checkDraft(aDraft(draft), { whitelist, policy });
const gmail = { from: 'martin@medecin.mssante.fr', to: ['jean.dupont@gmail.com'] };

describe('audit mode', () => {
  it('allows a send block mode would stop, records the block with its reasons, and tells the user nothing of it', () => {
    const v = run(gmail, aPolicy({ mode: 'audit' }));
    expect(v.verdict).toBe('allow');
    expect(v.audit).toEqual({
      verdict: 'block',
      reasons: ['verdict.block.outside'],
      message: expect.objectContaining({ fr: expect.stringContaining('jean.dupont@gmail.com') }),
    });
    expect(v.message.fr).toBe('Mode audit\u00a0: cet envoi n’est pas arrêté.');
    expect(v.message.fr).not.toContain('gmail');
  });

  it('tells the user what would have happened when the policy says so', () => {
    const v = run(gmail, aPolicy({ mode: 'audit', audit: { simulate: 'block', showUser: true, events: 'all' } }));
    expect(v.verdict).toBe('allow');
    expect(v.message.fr).toMatch(/^Mode audit\u00a0: en production, Vigie aurait bloqué cet envoi\. .*jean\.dupont@gmail\.com/);
    expect(v.message.en).toMatch(/^Audit mode: in production, Vigie would have blocked this send\./);
  });

  it('simulates warn mode when the policy says so', () => {
    const v = run(gmail, aPolicy({ mode: 'audit', audit: { simulate: 'warn', showUser: false, events: 'all' } }));
    expect(v.verdict).toBe('allow');
    expect(v.audit?.verdict).toBe('warn');
  });

  it('records an allowed check as allowed, with the ordinary message', () => {
    const v = run({ from: 'martin@medecin.mssante.fr', to: ['a@medecin.mssante.fr'] }, aPolicy({ mode: 'audit' }));
    expect(v).toMatchObject({ verdict: 'allow', audit: { verdict: 'allow', reasons: [] } });
    expect(v.message.fr).toContain('espace de confiance');
  });

  it('leaves block and warn modes without an audit part', () => {
    expect(run(gmail, aPolicy({ mode: 'block' }))).toMatchObject({ verdict: 'block' });
    expect(run(gmail, aPolicy({ mode: 'block' })).audit).toBeUndefined();
  });
});
