// FHIR Bundles built from the documented Annuaire Santé v2 examples (IG DP examples, uc-bal-mss.md); values fictitious.
const MSS = {
  url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type',
  valueCoding: { system: 'https://mos.esante.gouv.fr/NOS/TRE_R256-TypeMessagerie/FHIR/TRE-R256-TypeMessagerie', code: 'MSSANTE' },
};
const meta = (type: string, more: object[] = []) => ({
  url: 'https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata',
  extension: [
    { url: 'type', valueCodeableConcept: { coding: [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL', code: type }] } },
    ...more,
  ],
});

export const practitioner = {
  resourceType: 'Practitioner',
  id: '334081',
  active: true,
  identifier: [
    {
      use: 'official',
      system: 'urn:oid:1.2.250.1.71.4.2.1',
      value: '810003461033',
      type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'IDNPS' }] },
    },
    {
      use: 'official',
      system: 'https://rpps.esante.gouv.fr',
      value: '10003461033',
      type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'RPPS' }] },
    },
  ],
  name: [{ use: 'usual', family: 'SAUCIER', given: ['Arthur'], prefix: ['M'], suffix: ['DR'] }],
  telecom: [
    { system: 'email', value: 'arthur.saucier@medecin.mssante.fr', extension: [MSS, meta('PER')] },
    { system: 'email', value: 'arthur.saucier@gmail.com' },
    { system: 'email', value: 'cache@medecin.mssante.fr', extension: [MSS, meta('PER', [{ url: 'listeRouge', valueBoolean: true }])] },
  ],
  qualification: [
    {
      code: {
        coding: [
          { system: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante', code: '10' },
          { system: 'https://mos.esante.gouv.fr/NOS/TRE_R09-CategorieProfessionnelle/FHIR/TRE-R09-CategorieProfessionnelle', code: 'C' },
        ],
      },
    },
    { code: { coding: [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale', code: 'SM53' }] } },
  ],
};

export const practitionerRole = {
  resourceType: 'PractitionerRole',
  id: '1738459',
  active: true,
  identifier: [{ system: 'https://rpps.esante.gouv.fr', value: '1010399870' }],
  practitioner: { reference: 'Practitioner/334081' },
  organization: { reference: 'Organization/548812' },
  telecom: [{ system: 'email', value: 'a.saucier@cabinet-st-antoine.mssante.fr', extension: [MSS, meta('PER')] }],
};

export const organization = {
  resourceType: 'Organization',
  id: '548812',
  active: true,
  identifier: [{ use: 'official', system: 'urn:oid:1.2.250.1.71.4.2.2', value: '410005531586003' }],
  name: 'CABINET SAINT ANTOINE',
  address: [{ line: ['79 AV HENRI BARBUSSE'], city: 'CLAMART', postalCode: '92140' }],
  telecom: [
    {
      system: 'email',
      value: 'secretariat@cabinet-st-antoine.mssante.fr',
      extension: [MSS, meta('ORG', [{ url: 'description', valueString: 'Secrétariat' }])],
    },
  ],
};

export const drHouse = (id: string, n: number) => ({
  resourceType: 'Organization',
  id,
  name: `CENTRE DE SANTE DR HOUSE ${n}`,
  address: [{ city: 'LYON', postalCode: '69003' }],
  telecom: [
    {
      system: 'email',
      value: `secretariat.drhouse${n}@aura.mssante.fr`,
      extension: [
        MSS,
        meta('ORG', [
          { url: 'description', valueString: 'Secrétariat médical' },
          { url: 'service', valueString: 'Médecine générale' },
        ]),
      ],
    },
  ],
});

export const bundle = (resources: object[], next?: string, self = 'https://gateway.api.esante.gouv.fr/fhir/v2/Practitioner') => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total: resources.length,
  link: [{ relation: 'self', url: self }, ...(next ? [{ relation: 'next', url: next }] : [])],
  entry: resources.map((r, i) => ({
    fullUrl: `https://gateway.api.esante.gouv.fr/fhir/v2/${(r as { resourceType: string }).resourceType}/${(r as { id: string }).id}`,
    resource: r,
    search: { mode: i === 0 ? 'match' : 'include' },
  })),
});
