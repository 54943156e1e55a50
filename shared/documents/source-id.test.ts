import { derivedSourceId, isOid } from './source-id';
import { sha1Bytes } from './hash';

describe('the submission set sourceId derived from the organisation', () => {
  it('is a 2.25 OID of the name-based UUID, the same for the same organisation, written without BigInt', () => {
    const id = derivedSourceId('CHU Exemple');
    expect(isOid(id)).toBe(true);
    expect(derivedSourceId('  chu exemple ')).toBe(id);
    expect(derivedSourceId('CH Autre')).not.toBe(id);
    // The same number BigInt gives (the test runtime has it; the task pane's target may not).
    const h = sha1Bytes(new TextEncoder().encode('vigie-mssante:sourceId:chu exemple')).slice(0, 16);
    h[6] = (h[6]! & 0x0f) | 0x50;
    h[8] = (h[8]! & 0x3f) | 0x80;
    let n = BigInt(0);
    for (const b of h) n = n * BigInt(256) + BigInt(b);
    expect(id).toBe(`2.25.${n.toString()}`);
  });
});
