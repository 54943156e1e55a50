// The audit event built from a verdict holds no message content, and the server-side validation refuses any.
import { checkDraft } from '../send-check/check-draft';
import { aDomainSet, aDraft, aPolicy } from '../testing/builders';
import { auditEventOf } from './event';
import { validateAuditEvents, MAX_EVENTS_PER_POST } from './validate-event';

const SUBJECT = 'Résultats biopsie Mme Essai';
const BODY = 'Compte rendu : carcinome, voir pièce jointe.';

function verdictOf(mode: 'block' | 'audit') {
  const draft = aDraft({
    from: 'Dr Martin <Martin@medecin.mssante.fr>',
    to: ['Jean <jean.dupont@gmail.com>', 'b@pharmacien.mssante.fr'],
    cc: ['x@gmail.com'],
    subject: SUBJECT,
    body: BODY,
    attachments: [{ name: 'biopsie-essai.pdf' }],
  });
  return checkDraft(draft, { whitelist: aDomainSet(), policy: aPolicy({ mode }) });
}

describe('auditEventOf', () => {
  it('keeps the sender mailbox, recipient domains, verdict and reasons; no subject, body, attachment or full address', () => {
    const e = auditEventOf(verdictOf('block'), { host: 'thunderbird', mode: 'block', now: new Date('2026-03-01T10:00:00Z'), outcome: 'stopped' });
    expect(e).toEqual({
      time: '2026-03-01T10:00:00.000Z',
      host: 'thunderbird',
      mode: 'block',
      verdict: 'block',
      reasons: ['verdict.block.outside'],
      sender: 'martin@medecin.mssante.fr',
      recipientDomains: ['gmail.com', 'pharmacien.mssante.fr'],
      outcome: 'stopped',
    });
    const text = JSON.stringify(e);
    for (const secret of [SUBJECT, BODY, 'biopsie', 'jean.dupont', 'x@gmail.com', 'b@pharmacien']) expect(text).not.toContain(secret);
    expect(validateAuditEvents({ events: [e] }).ok).toBe(true);
  });

  it('in audit mode records the allowed send and the simulated verdict', () => {
    const e = auditEventOf(verdictOf('audit'), { host: 'outlook', mode: 'audit' });
    expect(e).toMatchObject({ verdict: 'allow', auditVerdict: 'block', reasons: ['verdict.block.outside'] });
  });

  it('cuts an override reason to 200 characters on one line', () => {
    const e = auditEventOf(verdictOf('block'), { host: 'webmail', mode: 'warn', overrideReason: `urgence\n${'x'.repeat(300)}` });
    expect(e.overrideReason).toHaveLength(200);
    expect(e.overrideReason).toMatch(/^urgence x/);
  });
});

describe('validateAuditEvents', () => {
  const good = {
    time: '2026-03-01T10:00:00Z',
    host: 'cli',
    mode: 'warn',
    verdict: 'warn',
    reasons: ['verdict.warn.outside'],
    sender: 'a@medecin.mssante.fr',
    recipientDomains: ['gmail.com'],
  };

  it('refuses fields that could carry content, full addresses, long reasons and oversized batches', () => {
    expect(validateAuditEvents({ events: [{ ...good, subject: 'x' }] })).toEqual({ ok: false, errors: ['/events/0: unknown field "subject"'] });
    expect(validateAuditEvents({ events: [{ ...good, recipientDomains: ['jean@gmail.com'] }] }).ok).toBe(false);
    expect(validateAuditEvents({ events: [{ ...good, overrideReason: 'x'.repeat(201) }] }).ok).toBe(false);
    expect(validateAuditEvents({ events: [{ ...good, time: '2026-02-31T10:00:00Z' }] }).ok).toBe(true);
    expect(validateAuditEvents({ events: [{ ...good, time: '2026-13-45T10:00:00Z' }] }).ok).toBe(false);
    expect(validateAuditEvents({ events: Array(MAX_EVENTS_PER_POST + 1).fill(good) }).ok).toBe(false);
    expect(validateAuditEvents([good]).ok).toBe(false);
    expect(validateAuditEvents({ events: [good], extra: 1 }).ok).toBe(false);
  });
});
