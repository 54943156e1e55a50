// The failure contract: the same failure does the same thing in every host. A host test calls failurePolicyContract
// with a runner that makes one send attempt in its own adapter, with one of its host calls failing as asked.
import type { VerdictKind } from '../../shared/model';

/** How a host call fails: it answers with an error, or it never answers. */
export type Fault = 'none' | 'api-error' | 'api-silent';

export interface SendAttempt {
  /** The message left (the host's send went on). */
  leaves: boolean;
  /** What the user is shown: a block, or a warning to confirm (held until they do). */
  level: VerdictKind;
  /** The text the host shows. */
  message: string;
}

export type AttemptRunner = (fault: Fault, mode: 'block' | 'warn') => Promise<SendAttempt>;

export function failurePolicyContract(host: string, attempt: AttemptRunner): void {
  describe(`${host}: the failure policy`, () => {
    it('a check that runs: an MSSanté recipient goes', async () => {
      expect(await attempt('none', 'block')).toMatchObject({ leaves: true, level: 'allow' });
    });

    it.each([
      ['api-error', /^Vigie n’a pas pu vérifier ce message\u00a0: la messagerie n’a pas transmis le message à vérifier/],
      ['api-silent', /^Vigie n’a pas pu vérifier ce message\u00a0: la messagerie n’a pas répondu à temps/],
    ] as const)('a host call with %s, block mode: stopped, with the explanation and what to do', async (fault, explanation) => {
      const r = await attempt(fault, 'block');
      expect(r.leaves).toBe(false);
      expect(r.level).toBe('block');
      expect(r.message).toMatch(explanation);
      expect(r.message).toMatch(/Envoi bloqué par précaution\. Réessayez dans un instant\u202f; si cela se reproduit, contactez le support informatique\.$/);
    });

    it.each(['api-error', 'api-silent'] as const)('a host call with %s, warn mode: held and the user asked, never a silent send', async (fault) => {
      const r = await attempt(fault, 'warn');
      expect(r.leaves).toBe(false);
      expect(r.level).toBe('warn');
      expect(r.message).toMatch(/^Vigie n’a pas pu vérifier ce message\u00a0: .*Avant d’envoyer, vérifiez vous-même/);
    });
  });
}
