// Characters that pass for Latin letters in a domain name (Cyrillic, Greek, small capitals, letter-like symbols),
// each followed by the letter it imitates. A subset of Unicode's confusables table (UTS #39): the whole table (the
// confusables package) weighs 24 KB in a bundle that must stay under 150 KB; a test checks every pair against it.
// Full-width forms need no entry: NFKC maps them to ASCII before this table is used.
export const HOMOGLYPH_PAIRS =
  'аaеeоoрpсcхxуyіiјjԁdѕsһhӏlԛqԝwᴀaʙbᴄcᴅdᴇeɢgʜhɪiᴊjᴋkʟlᴍmɴnᴏoᴘpʀrꜱsᴛtᴜuᴠvᴡwʏyᴢzοoαaβbνvρpκkτtυuιlεeχxωwз3ьbвbнhтtмmкkгrЬbВbНhТtМmКkАaЕeОoРpСcХxЅsІlЈjԌgԚqԜwɑaɡgɩlƖlǀlℓlⅰiⅼiⅽcⅾdⅿmｏo';

const map = new Map<string, string>();
for (let i = 0; i < HOMOGLYPH_PAIRS.length; i += 2) map.set(HOMOGLYPH_PAIRS[i]!, HOMOGLYPH_PAIRS[i + 1]!);

/** Replaces each look-alike character by the Latin letter it imitates. */
export function foldHomoglyphs(text: string): string {
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}
