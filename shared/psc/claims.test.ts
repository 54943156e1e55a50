import { mapPscUserInfo, assertEidas1, PscError, pscDiscoveryUrl, PSC_ISSUERS } from './claims';

const sample = {
  sub: 'f:550dc1c8-d97b-4b1e-ac8c-8eb4471cf9dd:810001234567',
  SubjectNameID: '810001234567',
  given_name: 'Jeanne',
  family_name: 'MARTIN',
  otherIds: [{ identifiant: '10001234567', origine: 'RPPS', qualite: 1 }],
  SubjectRefPro: {
    codeCivilite: 'MME',
    exercices: [
      {
        codeProfession: '10',
        codeCategorieProfessionnelle: 'C',
        nomDexercice: 'MARTIN',
        prenomDexercice: 'Jeanne',
        codeTypeSavoirFaire: 'S',
        codeSavoirFaire: 'SM26',
        activities: [
          {
            codeModeExercice: 'S',
            codeSecteurDactivite: 'SA01',
            raisonSocialeSite: 'CHU EXEMPLE',
            numeroFinessSite: '750000001',
            codePostal: '75013',
            adresseEMail: 'jeanne.martin@chu-exemple.mssante.fr',
          },
        ],
      },
    ],
  },
};

describe('PSC claims', () => {
  it('maps userinfo to a typed professional', () => {
    const p = mapPscUserInfo(sample);
    expect(p).toMatchObject({ nationalId: '810001234567', rpps: '10001234567', familyName: 'MARTIN', givenName: 'Jeanne', civilite: 'MME' });
    expect(p.exercices[0]).toMatchObject({ profession: '10', savoirFaire: 'SM26' });
    expect(p.exercices[0]!.activities[0]).toMatchObject({ raisonSociale: 'CHU EXEMPLE', finessSite: '750000001', secteurActivite: 'SA01', modeExercice: 'S' });
  });
  it('tolerates missing or odd optional parts, refuses a missing national id', () => {
    expect(mapPscUserInfo({ sub: 's', SubjectNameID: '899700000000', SubjectRefPro: { exercices: 'nope' }, otherIds: [null, 3] })).toMatchObject({
      exercices: [],
      otherIds: [],
      rpps: '99700000000',
    });
    expect(() => mapPscUserInfo({ sub: 's' })).toThrow(PscError);
    expect(() => mapPscUserInfo('x')).toThrow(/sub/);
  });
  it('accepts eidas1 and the higher levels PSC answers with (eidas2, eidas3), refuses lower, missing or unknown', () => {
    for (const acr of ['eidas1', 'eidas2', 'eidas3']) expect(() => assertEidas1({ acr })).not.toThrow();
    for (const acr of ['eidas0', 'EIDAS2', 'eidas4', 'eidas2 ', '', undefined, null, 2])
      expect(() => assertEidas1({ acr })).toThrow(expect.objectContaining({ code: 'acr' }));
    expect(() => assertEidas1({})).toThrow(/at least eidas1/);
  });
  it('builds the non-standard discovery URL', () => {
    expect(pscDiscoveryUrl(PSC_ISSUERS.sandbox)).toBe('https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration');
    expect(pscDiscoveryUrl('http://x/realm/')).toBe('http://x/realm/.well-known/wallet-openid-configuration');
  });
});
