// The contract every host's document flow passes: given what the core planned for that mail client (planDelivery),
// the adapter sets the subject and every header it can before the first file is attached, attaches IHE_XDM.ZIP then
// the PDF copy, never tries what the plan says it cannot, and leaves nothing attached when the subject is refused.
import { planDelivery, type DeliveryHost, type MailHeader } from '../../shared/documents';

export type DeliveryEvent =
  { kind: 'subject'; value: string } | { kind: 'header'; name: string; value: string } | { kind: 'read-receipt' } | { kind: 'attach'; name: string };

export interface DeliveryUnderTest {
  deliver(
    files: { name: string; bytes: Uint8Array; contentType: string }[],
    meta: { subject: string; headers: Record<string, string>; readReceipt: boolean },
  ): Promise<void>;
  /** What reached the mail client, in order. */
  events(): DeliveryEvent[];
}

export type DeliveryFactory = (opts: { refuseSubject?: boolean }) => DeliveryUnderTest;

const HEADERS: MailHeader[] = [
  { name: 'X-MSS-CODECDA', value: '18748-4' },
  { name: 'X-MSS-INS', value: 'O' },
  { name: 'X-MSS-NIL', value: 'DEV935997' },
  { name: 'Disposition-Notification-To', value: '<jeanne.martin@chu-exemple.mssante.fr>' },
];
const FILES = [
  { name: 'IHE_XDM.ZIP', bytes: new Uint8Array([80, 75, 3, 4]), contentType: 'application/zip' },
  { name: '20261014_CR_d_imagerie_medicale_PAT-TROIS_DOMINIQUE.pdf', bytes: new TextEncoder().encode('%PDF-1.4'), contentType: 'application/pdf' },
];
const SUBJECT = 'XDM/1.0/DDM+Echographie abdominale PAT-TROIS DOMINIQUE 28/03/1979';

export function documentDeliveryContract(host: DeliveryHost, make: DeliveryFactory): void {
  const plan = planDelivery(HEADERS, host);

  describe(`${host} document delivery contract`, () => {
    it('sets the subject and the headers it can before the first file, then attaches IHE_XDM.ZIP and the PDF copy', async () => {
      const d = make({});
      await d.deliver(FILES, { subject: SUBJECT, headers: plan.headers, readReceipt: plan.readReceipt });
      const events = d.events();
      const firstAttach = events.findIndex((e) => e.kind === 'attach');
      expect(firstAttach).toBeGreaterThan(-1);
      const before = events.slice(0, firstAttach);
      expect(before).toContainEqual({ kind: 'subject', value: SUBJECT });
      for (const [name, value] of Object.entries(plan.headers)) expect(before).toContainEqual({ kind: 'header', name, value });
      if (plan.readReceipt) expect(before).toContainEqual({ kind: 'read-receipt' });
      expect(events.filter((e) => e.kind === 'attach').map((e) => (e as { name: string }).name)).toEqual(FILES.map((f) => f.name));
    });

    it('never tries a header the plan says this client cannot set (the user was told before)', async () => {
      const d = make({});
      await d.deliver(FILES, { subject: SUBJECT, headers: plan.headers, readReceipt: plan.readReceipt });
      for (const m of plan.missing) expect(d.events()).not.toContainEqual(expect.objectContaining({ name: m.header }));
      expect(plan.missing.every((m) => m.advice.fr.length > 20)).toBe(true);
    });

    it('attaches nothing when the client refuses the subject', async () => {
      const d = make({ refuseSubject: true });
      await expect(d.deliver(FILES, { subject: SUBJECT, headers: plan.headers, readReceipt: plan.readReceipt })).rejects.toThrow();
      expect(d.events().filter((e) => e.kind === 'attach')).toEqual([]);
    });
  });
}
