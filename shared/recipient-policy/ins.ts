// The matricule INS (NIR or NIA): 13 characters + a 2-digit key = 97 − (13 digits mod 97); Corsica 2A→19, 2B→18.

export type InsCheck = { valid: true; matricule: string; kind: 'NIR' | 'NIA' } | { valid: false; reason: 'length' | 'characters' | 'key' | 'sex' | 'month' };

const INS_SHAPE = /^[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]{8}$/;

/** The first 13 characters mod 97, with Corsica's 2A/2B replaced as the key rule says (no BigInt: old runtimes). */
function thirteenDigitsMod97(m: string): number {
  const dept = m.slice(5, 7);
  const digits = dept === '2A' ? `${m.slice(0, 5)}19${m.slice(7, 13)}` : dept === '2B' ? `${m.slice(0, 5)}18${m.slice(7, 13)}` : m.slice(0, 13);
  let r = 0;
  for (let i = 0; i < digits.length; i++) r = (r * 10 + (digits.charCodeAt(i) - 48)) % 97;
  return r;
}

/** The 2-digit key of a 13-character NIR/NIA prefix (Corsica handled). */
export function insKey(first13: string): string {
  const prefix = first13.toUpperCase();
  return String(97 - thirteenDigitsMod97(`${prefix}00`)).padStart(2, '0');
}

/**
 * Validates a matricule INS as written in a patient address: exactly 15 characters, no spaces (a space, even around
 * the matricule, is another address).
 * Sex digit 1/2 (NIR; 3/4 for some foreign-born, 7/8 for NIA), month 01–12, 20 (unknown), 30–42 or 50–99
 * (INSEE's conventions for incomplete civil status).
 */
export function checkMatriculeIns(raw: string): InsCheck {
  const m = raw.toUpperCase();
  if (m.length !== 15) return { valid: false, reason: 'length' };
  if (!INS_SHAPE.test(m)) return { valid: false, reason: 'characters' };
  const sex = m[0]!;
  if (!'123478'.includes(sex)) return { valid: false, reason: 'sex' };
  const month = Number(m.slice(3, 5));
  const monthOk = (month >= 1 && month <= 12) || month === 20 || (month >= 30 && month <= 42) || (month >= 50 && month <= 99);
  if (!monthOk) return { valid: false, reason: 'month' };
  const key = m.slice(13, 15);
  if (insKey(m.slice(0, 13)) !== key) return { valid: false, reason: 'key' };
  return { valid: true, matricule: m, kind: sex === '7' || sex === '8' ? 'NIA' : 'NIR' };
}
