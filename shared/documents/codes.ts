// XDS metadata constants (ebRIM 3.0 / IHE ITI TF-3 §4.2) and the French (CI-SIS) code systems used by default.

/** A coded value of XDS metadata: code, code system OID, display name. */
export interface Coded {
  code: string;
  codingScheme: string;
  display: string;
}

export const NS = {
  lcm: 'urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0',
  rim: 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0',
} as const;

export const XDS = {
  documentEntryType: 'urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1',
  submissionSetNode: 'urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd',
  approved: 'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved',
  hasMember: 'urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember',
  objectType: {
    classification: 'urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Classification',
    externalIdentifier: 'urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:ExternalIdentifier',
    registryPackage: 'urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage',
    association: 'urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Association',
  },
  doc: {
    author: 'urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d',
    classCode: 'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a',
    confidentialityCode: 'urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f',
    eventCodeList: 'urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4',
    formatCode: 'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d',
    healthcareFacilityTypeCode: 'urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1',
    practiceSettingCode: 'urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead',
    typeCode: 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983',
    patientId: 'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427',
    uniqueId: 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab',
  },
  set: {
    author: 'urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d',
    contentTypeCode: 'urn:uuid:aa543740-bdda-424e-8c96-df4873be8500',
    patientId: 'urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446',
    sourceId: 'urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832',
    uniqueId: 'urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8',
  },
} as const;

export const OID = {
  loinc: '2.16.840.1.113883.6.1',
  typeDocComplementaire: '1.2.250.1.213.1.1.4.12', // TRE_A05
  classeDocument: '1.2.250.1.213.1.1.4.1', // TRE_A03
  confidentiality: '2.16.840.1.113883.5.25', // TRE_A08
  iheFormat: '1.3.6.1.4.1.19376.1.2.3', // TRE_A11
  secteurActivite: '1.2.250.1.71.4.2.4', // TRE_R02
  cadreExercice: '1.2.250.1.213.1.1.4.9', // TRE_A01
  idNatPs: '1.2.250.1.71.4.2.1',
  idNatStruct: '1.2.250.1.71.4.2.2',
} as const;

/** A few common LOINC document types with their class (TRE_A03) and French display. */
const TYPES: Record<string, { display: string; classCode: string }> = {
  '11490-0': { display: 'Lettre de liaison à la sortie d’un établissement de soins', classCode: '10' },
  '11488-4': { display: 'Compte rendu de consultation', classCode: '10' },
  '34133-9': { display: 'Synthèse d’épisode de soins', classCode: '11' },
  '11502-2': { display: 'Compte rendu d’examens de biologie médicale', classCode: '10' },
  '18748-4': { display: 'Compte rendu d’imagerie médicale', classCode: '31' },
  '34112-3': { display: 'Note d’hospitalisation', classCode: '10' },
  '11506-3': { display: 'Compte rendu de suivi', classCode: '10' },
  '57833-6': { display: 'Prescription de médicaments', classCode: '42' },
  '60591-5': { display: 'Synthèse du dossier patient', classCode: '11' },
};

const CLASSES: Record<string, string> = {
  '10': 'Compte rendu',
  '11': 'Synthèse',
  '31': 'Imagerie médicale',
  '42': 'Prescription',
  '43': 'Dispensation',
  '44': 'Plan de soins / protocole',
  '52': 'Certificat, déclaration',
  '90': 'Autres documents déposés par le patient',
  '99': 'Document technique',
};

export const DEFAULT_TYPE_CODE = '11488-4';

/** The typeCode of a LOINC code (display from the table above, else the code itself). */
export function loincType(code: string, display?: string): Coded {
  return { code, codingScheme: OID.loinc, display: display ?? TYPES[code]?.display ?? code };
}

/** A typeCode from a code: in its stated code system, else LOINC when it has LOINC's shape (`11490-0`), else TRE_A05 (`PRESC-BIO`…). */
export function typeCodeOf(code: string, display?: string, codeSystem?: string): Coded {
  if (codeSystem === OID.loinc || (!codeSystem && /^[0-9]{1,7}-[0-9]$/.test(code))) return loincType(code, display);
  return { code, codingScheme: codeSystem ?? OID.typeDocComplementaire, display: display ?? code };
}

/** The classCode (TRE_A03) matching a typeCode: from the table above, else `10` Compte rendu. */
export function classFor(type: Coded): Coded {
  const code = (type.codingScheme === OID.loinc ? TYPES[type.code]?.classCode : undefined) ?? '10';
  return { code, codingScheme: OID.classeDocument, display: CLASSES[code] ?? code };
}

export const DEFAULTS = {
  confidentiality: { code: 'N', codingScheme: OID.confidentiality, display: 'Normal' } as Coded,
  healthcareFacilityType: { code: 'SA01', codingScheme: OID.secteurActivite, display: 'Etablissement public de santé' } as Coded,
  practiceSetting: { code: 'ETABLISSEMENT', codingScheme: OID.cadreExercice, display: 'Etablissement de santé' } as Coded,
};
