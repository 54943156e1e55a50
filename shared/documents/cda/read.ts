// Reads an HL7 CDA R2 document (French CI-SIS header): everything the XDS metadata and the message take from it, and
// for a level-1 document (nonXMLBody) its embedded content. One streaming pass with saxes; nothing is evaluated.
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface CdaCode {
  code: string;
  codeSystem?: string;
  displayName?: string;
}
export interface CdaId {
  root: string;
  extension?: string;
}
export interface CdaName {
  family?: string;
  given?: string;
}
export interface CdaOrganisation {
  id?: CdaId;
  name?: string;
}
export interface CdaAuthor extends CdaName {
  time?: string;
  id?: CdaId;
  /** assignedAuthor/code: the author's profession and specialty (TRE_G15 / TRE_R38…). */
  specialty?: CdaCode;
  organisation?: CdaOrganisation;
}

export interface CdaDocument {
  id?: CdaId;
  setId?: CdaId;
  versionNumber?: string;
  code?: CdaCode;
  title?: string;
  effectiveTime?: string;
  confidentiality?: CdaCode;
  languageCode?: string;
  templateIds: string[];
  patient: CdaName & { ids: CdaId[]; birthTime?: string; sex?: string };
  authors: CdaAuthor[];
  legalAuthenticator?: CdaName & { time?: string; id?: CdaId };
  custodian?: CdaOrganisation;
  /** First documentationOf/serviceEvent: the act, its dates, the performer's practice setting. */
  serviceEvent?: { code?: CdaCode; low?: string; high?: string; practiceSetting?: CdaCode };
  encounter?: { low?: string; high?: string; facilityType?: CdaCode };
  body?: { kind: 'structured' } | { kind: 'nonXML'; mediaType?: string; representation?: string; text: string };
}

const HL7_NS = 'urn:hl7-org:v3';
const CD = 'ClinicalDocument';

function attrOf(tag: SaxesTagNS, name: string): string | undefined {
  const a = tag.attributes[name];
  const v = typeof a === 'object' && a !== null ? a.value : (a as string | undefined);
  return v === undefined ? undefined : v.trim();
}

function codeOf(tag: SaxesTagNS): CdaCode | undefined {
  const code = attrOf(tag, 'code');
  return code ? { code, codeSystem: attrOf(tag, 'codeSystem'), displayName: attrOf(tag, 'displayName') } : undefined;
}

function idOf(tag: SaxesTagNS): CdaId | undefined {
  const root = attrOf(tag, 'root');
  return root ? { root, ...(attrOf(tag, 'extension') ? { extension: attrOf(tag, 'extension') } : {}) } : undefined;
}

/** Keeps a birth-name (`BR`) part over another, else the first one met. */
function namePart(current: { value?: string; br: boolean }, value: string, qualifier: string | undefined) {
  const br = (qualifier ?? '').split(/\s+/).includes('BR');
  if (!value) return current;
  if (current.value === undefined || (br && !current.br)) return { value, br };
  return current;
}

/** Returns the document, or null when the bytes are not a well-formed CDA R2 document. */
export function readCda(bytes: Uint8Array): CdaDocument | null {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  if (!/<([A-Za-z_][\w.-]*:)?ClinicalDocument[\s>]/.test(head)) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const doc: CdaDocument = { templateIds: [], patient: { ids: [] }, authors: [] };
  const stack: string[] = [];
  let isCda = false;
  let failed = false;
  let textTarget: ((s: string) => void) | undefined;
  let buffer = '';
  const names = new Map<string, { value?: string; br: boolean }>();
  const bodyChunks: string[] = [];
  let documentationOfSeen = 0;

  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    const local = tag.local ?? tag.name;
    if (stack.length === 0) isCda = local === CD && tag.uri === HL7_NS;
    stack.push(local);
    if (!isCda || tag.uri !== HL7_NS) return;
    const path = stack.join('/');
    const author = doc.authors[doc.authors.length - 1];
    switch (path) {
      case `${CD}/id`:
        doc.id = idOf(tag);
        break;
      case `${CD}/setId`:
        doc.setId = idOf(tag);
        break;
      case `${CD}/versionNumber`:
        doc.versionNumber = attrOf(tag, 'value');
        break;
      case `${CD}/code`:
        doc.code = codeOf(tag);
        break;
      case `${CD}/effectiveTime`:
        doc.effectiveTime = attrOf(tag, 'value');
        break;
      case `${CD}/confidentialityCode`:
        doc.confidentiality = codeOf(tag);
        break;
      case `${CD}/languageCode`:
        doc.languageCode = attrOf(tag, 'code');
        break;
      case `${CD}/templateId`: {
        const r = attrOf(tag, 'root');
        if (r) doc.templateIds.push(r);
        break;
      }
      case `${CD}/recordTarget/patientRole/id`: {
        const id = idOf(tag);
        if (id) doc.patient.ids.push(id);
        break;
      }
      case `${CD}/recordTarget/patientRole/patient/administrativeGenderCode`:
        doc.patient.sex = attrOf(tag, 'code');
        break;
      case `${CD}/recordTarget/patientRole/patient/birthTime`:
        doc.patient.birthTime = attrOf(tag, 'value');
        break;
      case `${CD}/author`:
        doc.authors.push({});
        break;
      case `${CD}/author/time`:
        if (author) author.time = attrOf(tag, 'value');
        break;
      case `${CD}/author/assignedAuthor/id`:
        if (author && !author.id) author.id = idOf(tag);
        break;
      case `${CD}/author/assignedAuthor/code`:
        if (author) author.specialty = codeOf(tag);
        break;
      case `${CD}/author/assignedAuthor/representedOrganization/id`:
        if (author) author.organisation = { ...author.organisation, id: author.organisation?.id ?? idOf(tag) };
        break;
      case `${CD}/legalAuthenticator`:
        doc.legalAuthenticator = {};
        break;
      case `${CD}/legalAuthenticator/time`:
        doc.legalAuthenticator!.time = attrOf(tag, 'value');
        break;
      case `${CD}/legalAuthenticator/assignedEntity/id`:
        doc.legalAuthenticator!.id ??= idOf(tag);
        break;
      case `${CD}/custodian/assignedCustodian/representedCustodianOrganization/id`:
        doc.custodian = { ...doc.custodian, id: idOf(tag) };
        break;
      case `${CD}/documentationOf`:
        documentationOfSeen++;
        if (documentationOfSeen === 1) doc.serviceEvent = {};
        break;
      case `${CD}/componentOf/encompassingEncounter`:
        doc.encounter = {};
        break;
      case `${CD}/componentOf/encompassingEncounter/effectiveTime/low`:
        doc.encounter!.low = attrOf(tag, 'value');
        break;
      case `${CD}/componentOf/encompassingEncounter/effectiveTime/high`:
        doc.encounter!.high = attrOf(tag, 'value');
        break;
      case `${CD}/componentOf/encompassingEncounter/location/healthCareFacility/code`:
        doc.encounter!.facilityType = codeOf(tag);
        break;
      case `${CD}/component/structuredBody`:
        doc.body = { kind: 'structured' };
        break;
      case `${CD}/component/nonXMLBody/text`:
        doc.body = { kind: 'nonXML', mediaType: attrOf(tag, 'mediaType'), representation: attrOf(tag, 'representation'), text: '' };
        textTarget = (s) => bodyChunks.push(s);
        break;
      default:
        if (documentationOfSeen === 1 && path.startsWith(`${CD}/documentationOf/serviceEvent/`)) {
          const rest = path.slice(`${CD}/documentationOf/serviceEvent/`.length);
          if (rest === 'code') doc.serviceEvent!.code = codeOf(tag);
          else if (rest === 'effectiveTime/low') doc.serviceEvent!.low = attrOf(tag, 'value');
          else if (rest === 'effectiveTime/high') doc.serviceEvent!.high = attrOf(tag, 'value');
          else if (rest === 'performer/assignedEntity/representedOrganization/standardIndustryClassCode') doc.serviceEvent!.practiceSetting ??= codeOf(tag);
        } else if (
          /\/name\/(family|given)$/.test(path) ||
          /\/(representedOrganization|representedCustodianOrganization)\/name$/.test(path) ||
          path === `${CD}/title`
        ) {
          buffer = '';
          const qualifier = attrOf(tag, 'qualifier');
          textTarget = (s) => (buffer += s);
          (textTarget as { done?: () => void }).done = () => {
            const value = buffer.replace(/\s+/g, ' ').trim();
            names.set(path, namePart(names.get(path) ?? { br: false }, value, qualifier));
          };
        }
    }
  });
  parser.on('text', (t) => textTarget?.(t));
  parser.on('closetag', () => {
    const done = (textTarget as { done?: () => void } | undefined)?.done;
    if (textTarget) {
      done?.();
      textTarget = undefined;
    }
    stack.pop();
  });
  try {
    const step = 256 * 1024;
    for (let i = 0; i < text.length && !failed; i += step) parser.write(text.slice(i, i + step));
    if (!failed) parser.close();
  } catch {
    failed = true;
  }
  if (!isCda || failed) return null;

  const got = (p: string) => names.get(`${CD}/${p}`)?.value;
  doc.title = got('title');
  doc.patient.family = got('recordTarget/patientRole/patient/name/family');
  doc.patient.given = got('recordTarget/patientRole/patient/name/given');
  // Names of the first author only are kept apart (the path is the same for every author: the first one met wins).
  const first = doc.authors[0];
  if (first) {
    first.family = got('author/assignedAuthor/assignedPerson/name/family');
    first.given = got('author/assignedAuthor/assignedPerson/name/given');
    const orgName = got('author/assignedAuthor/representedOrganization/name');
    if (orgName) first.organisation = { ...first.organisation, name: orgName };
  }
  if (doc.legalAuthenticator) {
    doc.legalAuthenticator.family = got('legalAuthenticator/assignedEntity/assignedPerson/name/family');
    doc.legalAuthenticator.given = got('legalAuthenticator/assignedEntity/assignedPerson/name/given');
  }
  const custodianName = got('custodian/assignedCustodian/representedCustodianOrganization/name');
  if (custodianName) doc.custodian = { ...doc.custodian, name: custodianName };
  if (doc.body?.kind === 'nonXML') doc.body.text = bodyChunks.join('');
  return doc;
}
