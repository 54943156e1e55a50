// The contract every host's ComposeSession passes: the same compose scenarios must give the same Draft, hence the
// same verdict from the core, whatever the mail client. A host test calls composeSessionContract with a factory that
// builds its session over a fake of its own API holding the scenario.
import type { ComposeSession } from '../../shared/ports/compose-session';
import { checkDraft } from '../../shared/send-check';
import { embeddedDomainSet } from '../../shared/whitelist/embedded';
import { defaultPolicy } from '../../shared/config/policy';
import { scanDraft } from '../../shared/health-data';

export interface ComposeScenario {
  from: { address: string; name?: string };
  to: { address: string; name?: string }[];
  cc: { address: string; name?: string }[];
  bcc: { address: string; name?: string }[];
  subject: string;
  body: string;
  attachments: string[];
}

export type SessionFactory = (scenario: ComposeScenario) => Promise<ComposeSession> | ComposeSession;

const scenario = (s: Partial<ComposeScenario>): ComposeScenario => ({
  from: { address: 'dr.martin@medecin.mssante.fr', name: 'Dr Martin' },
  to: [],
  cc: [],
  bcc: [],
  subject: 'Compte rendu',
  body: 'Bonjour,',
  attachments: [],
  ...s,
});

const verdictOf = async (session: ComposeSession) =>
  checkDraft(await session.readDraft(), {
    whitelist: embeddedDomainSet(),
    policy: { ...defaultPolicy(), internalDomains: ['chu-exemple.fr'] },
    scanHealthData: scanDraft,
  });

export function composeSessionContract(host: string, make: SessionFactory): void {
  describe(`${host} ComposeSession contract`, () => {
    it('reads every recipient field with its address, display names kept apart', async () => {
      const s = await make(
        scenario({
          to: [{ address: 'durand@medecin.mssante.fr', name: 'Dr Durand, Cardiologie' }],
          cc: [{ address: 'x@gmail.com' }],
          bcc: [{ address: 'y@pharmacien.mssante.fr' }],
        }),
      );
      const v = await verdictOf(s);
      expect(v.recipients.map((r) => [r.field, r.address, r.category])).toEqual([
        ['to', 'durand@medecin.mssante.fr', 'mssante'],
        ['cc', 'x@gmail.com', 'consumer'],
        ['bcc', 'y@pharmacien.mssante.fr', 'mssante'],
      ]);
    });

    it('gives the core the sender: Gmail from an MSSanté mailbox is blocked, MSSanté recipients pass', async () => {
      expect((await verdictOf(await make(scenario({ to: [{ address: 'jean.dupont@gmail.com' }] })))).verdict).toBe('block');
      expect(
        (await verdictOf(await make(scenario({ to: [{ address: 'a@medecin.mssante.fr' }, { address: '279035121518989@patient.mssante.fr' }] })))).verdict,
      ).toBe('allow');
    });

    it('gives the core the body and attachment names: health data to Gmail from a hospital account is warned', async () => {
      const s = await make(
        scenario({
          from: { address: 'secretariat@chu-exemple.fr' },
          to: [{ address: 'ami@gmail.com' }],
          body: 'Mme Marie Dupont, née le 05/03/1979, NIR 2 79 03 51 215 189 89, hospitalisée pour insuffisance cardiaque, traitement par furosémide 40 mg.',
          attachments: ['CR_consultation_Dupont.pdf'],
        }),
      );
      const v = await verdictOf(s);
      expect(v.verdict).toBe('warn');
      expect(v.findings.length).toBeGreaterThan(0);
      const harmless = await verdictOf(
        await make(
          scenario({ from: { address: 'secretariat@chu-exemple.fr' }, to: [{ address: 'ami@gmail.com' }], body: 'Réunion de service jeudi à 14 h, salle 3.' }),
        ),
      );
      expect(harmless.verdict).toBe('allow');
    });

    it('adds a recipient picked in the directory to the field asked for', async () => {
      const s = await make(scenario({ to: [{ address: 'a@medecin.mssante.fr' }] }));
      await s.addRecipient('cc', { address: 'claire.lefevre@medecin.mssante.fr', displayName: 'Dr Claire Lefèvre' });
      const d = await s.readDraft();
      expect(d.cc.join(' ')).toContain('claire.lefevre@medecin.mssante.fr');
      expect(d.to.join(' ')).toContain('a@medecin.mssante.fr');
    });
  });
}
