// A patient's MSSanté address in the text: `<matricule INS>@patient.mssante.fr` carries the patient's NIR.
import { checkMatriculeIns } from '../../recipient-policy/ins';
import { charClass } from '../fold';
import type { Signal, TextDetector } from '../types';
import type { TextContext } from '../text-context';

/** The domain, ended: not followed by more of a domain name (a final dot of a sentence is fine). */
const DOMAIN = /@patient\.mssante\.fr(?![\w-]|\.[\w-])/gi;

export const patientAddressDetector: TextDetector = {
  id: 'patient-address',
  target: 'text',
  detect(ctx: TextContext): Signal[] {
    const text = ctx.text;
    const out: Signal[] = [];
    if (text.indexOf('@') < 0) return out;
    DOMAIN.lastIndex = 0;
    for (let m = DOMAIN.exec(text); m; m = DOMAIN.exec(text)) {
      let s = m.index;
      // The local part: letters and digits just before the @ (a matricule has 15; stop well before a runaway).
      while (s > 0 && m.index - s < 40 && charClass[text.charCodeAt(s - 1)] !== 0) s--;
      const local = text.slice(s, m.index);
      const end = m.index + m[0].length;
      if (!local) continue;
      const ins = checkMatriculeIns(local);
      out.push({
        kind: 'patient-address',
        role: ins.valid ? 'identifier' : 'person',
        start: s,
        end,
        weight: ins.valid ? 1 : 0.8,
        key: `patient-address:${s}`,
        label: ins.valid ? { fr: 'adresse MSSanté d’un patient (INS)', en: 'patient MSSanté address (INS)' } : { fr: 'adresse patient', en: 'patient address' },
        excerpt: `${local.charAt(0)}${'*'.repeat(Math.max(0, local.length - 1))}@patient.mssante.fr`,
      });
    }
    return out;
  },
};
