// One patient per message, and the right one: several patient addresses block; a patient address beside an
// attached CDA/XDM that names another INS blocks ("ce document concerne un autre patient").
import type { Draft, RecipientResult, VerdictKind } from '../model';
import type { MessageCode } from '../i18n/messages';

type Add = (verdict: VerdictKind, code: MessageCode, params: Record<string, string | number>) => void;

const insOf = (r: RecipientResult): string => (r.address ?? '').split('@')[0]!.toUpperCase();

export function patientRules(draft: Draft, patients: RecipientResult[], add: Add): void {
  const addresses = [...new Set(patients.map((r) => r.address!))];
  if (addresses.length > 1) {
    add('block', 'verdict.block.several-patients', { count: addresses.length, recipients: addresses.slice(0, 3).join(', ') });
    return;
  }
  if (!addresses.length) return;
  const ins = insOf(patients[0]!);
  for (const a of draft.attachments) {
    const other = (a.patientIns ?? []).map((i) => i.toUpperCase()).find((i) => i !== ins);
    if (other) {
      add('block', 'verdict.block.other-patient', { attachment: a.name, documentIns: other, recipients: addresses[0]! });
      return;
    }
  }
}
