import { checkMatriculeIns, insKey } from './ins';

describe('matricule INS', () => {
  it.each([
    ['279035121518989', 'NIR'],
    ['146026322000196', 'NIR'],
    ['253072B07300470', 'NIR'],
    ['253072A07300443', 'NIR'],
    ['253072a07300443', 'NIR'],
  ])('accepts %s', (ins, kind) => {
    expect(checkMatriculeIns(ins)).toEqual({ valid: true, matricule: ins.toUpperCase(), kind });
  });

  it('computes the key as 97 − (13 digits mod 97), Corsica 2A→19 and 2B→18', () => {
    expect(insKey('2790351215189')).toBe('89');
    expect(insKey('253072B073004')).toBe('70');
    expect(insKey('253072A073004')).toBe('43');
    // 2A and 2B give other keys than the digits 20 would.
    expect(insKey('2530720073004')).not.toBe('70');
  });

  it('refuses a wrong key, even off by one', () => {
    expect(checkMatriculeIns('279035121518988')).toEqual({ valid: false, reason: 'key' });
    expect(checkMatriculeIns('288091234567823')).toEqual({ valid: false, reason: 'key' });
    expect(checkMatriculeIns('253072B07300443')).toEqual({ valid: false, reason: 'key' });
  });

  it('refuses wrong lengths, characters, sex digits and months', () => {
    expect(checkMatriculeIns('27903512151898')).toMatchObject({ reason: 'length' });
    expect(checkMatriculeIns('2790351215189890')).toMatchObject({ reason: 'length' });
    expect(checkMatriculeIns('27903512151898X')).toMatchObject({ reason: 'characters' });
    expect(checkMatriculeIns('2790351C1518989')).toMatchObject({ reason: 'characters' });
    const withSex5 = `5790351215189`;
    expect(checkMatriculeIns(withSex5 + insKey(withSex5))).toMatchObject({ reason: 'sex' });
    const month13 = `2791351215189`;
    expect(checkMatriculeIns(month13 + insKey(month13))).toMatchObject({ reason: 'month' });
  });

  it('knows NIA numbers (starting 7 or 8)', () => {
    const nia = '7850699123456';
    expect(checkMatriculeIns(nia + insKey(nia))).toMatchObject({ valid: true, kind: 'NIA' });
  });
});
