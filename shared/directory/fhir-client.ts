// Client of the Annuaire Santé FHIR API v2 (https://gateway.api.esante.gouv.fr/fhir/v2): searches Practitioner,
// PractitionerRole and Organization, follows `link.next`, reads the MSSanté telecom extensions and maps each
// mailbox to a DirectoryEntry. The key (header ESANTE-API-KEY) belongs to a server or to IT's command line:
// it must never ship inside a mail client. Fetch is injected, so the client runs on any platform.
import type { DirectoryEntry, LocalizedText } from '../model';
import { displayNameOf, exerciseCivility } from './entry';
import { departmentFromPostcode } from './extraction';
import { cityName } from './place';
import { PROFESSION_LABELS, SPECIALTY_LABELS } from './vocabulary';

export const FHIR_BASE_URL = 'https://gateway.api.esante.gouv.fr/fhir/v2';
export const API_KEY_HEADER = 'ESANTE-API-KEY';

const EMAIL_TYPE_EXT = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type';
const MAILBOX_METADATA_EXT = 'https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata';
const RPPS_SYSTEM = 'https://rpps.esante.gouv.fr';
const IDNPS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';
const PROFESSION_SYSTEM = 'TRE_G15-ProfessionSante';
const SPECIALTY_SYSTEMS = ['TRE_R38-SpecialiteOrdinale', 'TRE_R39', 'TRE_R40', 'TRE_R42', 'TRE_R43', 'TRE_R44', 'TRE_R45', 'TRE_R97'];

/** TRE_G15-ProfessionSante and TRE_R38-SpecialiteOrdinale labels: the same table as the local index (vocabulary). */
export { PROFESSION_LABELS, SPECIALTY_LABELS };

// Minimal shapes of the FHIR resources read here (R4; fields the Annuaire Santé publishes).
interface Coding {
  system?: string;
  code?: string;
  display?: string;
}
interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
interface Extension {
  url: string;
  valueCoding?: Coding;
  valueCodeableConcept?: CodeableConcept;
  valueString?: string;
  valueBoolean?: boolean;
  extension?: Extension[];
}
interface ContactPoint {
  system?: string;
  value?: string;
  extension?: Extension[];
}
interface Identifier {
  system?: string;
  value?: string;
}
interface HumanName {
  family?: string;
  given?: string[];
  prefix?: string[];
  suffix?: string[];
}
interface Address {
  line?: string[];
  city?: string;
  postalCode?: string;
}
interface Reference {
  reference?: string;
}
export interface FhirResource {
  resourceType: string;
  id?: string;
  identifier?: Identifier[];
  name?: HumanName[] | string;
  telecom?: ContactPoint[];
  qualification?: { code?: CodeableConcept }[];
  practitioner?: Reference;
  organization?: Reference;
  address?: Address[];
}
export interface FhirBundle {
  resourceType: 'Bundle';
  type?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: { fullUrl?: string; resource?: FhirResource; search?: { mode?: string } }[];
}

export type DirectoryApiErrorKind = 'unauthorized' | 'rate-limited' | 'server' | 'malformed' | 'timeout' | 'network' | 'http';

const ERROR_TEXT: Record<DirectoryApiErrorKind, LocalizedText> = {
  unauthorized: {
    fr: 'Annuaire Santé : clé d’API refusée (ESANTE-API-KEY). Vérifiez la clé de l’application.',
    en: 'Annuaire Santé: API key refused (ESANTE-API-KEY). Check the application key.',
  },
  'rate-limited': {
    fr: 'Annuaire Santé : trop de requêtes (limite de 17 par seconde). Réessayez dans un instant.',
    en: 'Annuaire Santé: too many requests (limit 17 per second). Try again in a moment.',
  },
  server: {
    fr: 'Annuaire Santé indisponible (erreur du serveur). Réessayez plus tard ; l’annuaire local reste utilisable.',
    en: 'Annuaire Santé unavailable (server error). Try again later; the local directory still works.',
  },
  malformed: { fr: 'Annuaire Santé : réponse illisible (ce n’est pas un Bundle FHIR).', en: 'Annuaire Santé: unreadable answer (not a FHIR Bundle).' },
  timeout: { fr: 'Annuaire Santé : pas de réponse dans le délai (30 s).', en: 'Annuaire Santé: no answer in time (30 s).' },
  network: { fr: 'Annuaire Santé injoignable (réseau).', en: 'Annuaire Santé unreachable (network).' },
  http: { fr: 'Annuaire Santé : requête refusée.', en: 'Annuaire Santé: request refused.' },
};

export class DirectoryApiError extends Error {
  readonly userMessage: LocalizedText;
  constructor(
    readonly kind: DirectoryApiErrorKind,
    readonly status?: number,
    detail?: string,
  ) {
    super(`${ERROR_TEXT[kind].en}${status ? ` (HTTP ${status})` : ''}${detail ? ` ${detail}` : ''}`);
    this.name = 'DirectoryApiError';
    this.userMessage = ERROR_TEXT[kind];
  }
}

/** The part of `fetch` the client uses (the platform's fetch fits). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; signal: AbortSignal },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export interface FhirClientOptions {
  apiKey: string;
  fetch: FetchLike;
  baseUrl?: string;
  /** Calls per second allowed for the application (17). */
  requestsPerSecond?: number;
  /** Per request, body included (30 s, the gateway's own limit). */
  timeoutMs?: number;
  /** Retries after a 429 or a 5xx (2). */
  maxRetries?: number;
  /** Longest Retry-After honoured, in seconds (60); longer waits fail with `rate-limited`. */
  maxRetryAfterSeconds?: number;
  /** Pages followed through `link.next` per search (20 pages of 50). */
  maxPages?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface SearchOutcome {
  resources: FhirResource[];
  pages: number;
  /** More pages existed than `maxPages`, or a next link pointed outside the API and was not followed. */
  truncated: boolean;
}

const ext = (list: Extension[] | undefined, url: string) => list?.find((e) => e.url === url);

/** The MSSanté mailboxes of a resource's telecom, with their metadata; red-listed ones are left out. */
export function mailboxesOf(resource: FhirResource): { address: string; type?: string; service?: string; description?: string }[] {
  const out: { address: string; type?: string; service?: string; description?: string }[] = [];
  for (const t of resource.telecom ?? []) {
    if (t.system !== 'email' || !t.value) continue;
    const emailType = ext(t.extension, EMAIL_TYPE_EXT)?.valueCoding?.code;
    const meta = ext(t.extension, MAILBOX_METADATA_EXT);
    if (emailType !== 'MSSANTE' && !meta) continue;
    const sub = meta?.extension ?? [];
    if (ext(sub, 'listeRouge')?.valueBoolean === true) continue;
    const type = ext(sub, 'type')?.valueCodeableConcept?.coding?.[0]?.code?.trim();
    const service = ext(sub, 'service')?.valueString?.trim();
    const description = ext(sub, 'description')?.valueString?.trim();
    out.push({ address: t.value.trim().toLowerCase(), ...(type ? { type } : {}), ...(service ? { service } : {}), ...(description ? { description } : {}) });
  }
  return out;
}

function rppsOf(p: FhirResource | undefined): string | undefined {
  const ids = p?.identifier ?? [];
  const rpps = ids.find((i) => i.system === RPPS_SYSTEM)?.value;
  if (rpps) return rpps;
  const idnps = ids.find((i) => i.system === IDNPS_SYSTEM)?.value;
  return idnps && /^8\d{11}$/.test(idnps) ? idnps.slice(1) : idnps;
}

/** A coded label as the extraction writes it: the table's label for the code, else the display without "(SM)". */
function labelOf(c: Coding, table: Readonly<Record<string, string>>): string {
  return table[c.code!.trim()] ?? c.display?.replace(/\s*\((SM|SCD|SI|SP)\)\s*$/, '').trim() ?? c.code!.trim();
}

/**
 * Names and qualifications of a Practitioner, as the local index shows them: trimmed, the civility being the
 * civilité d'exercice (name suffix: DR, PR), never the civil one (prefix: M, MME) that the extraction does not carry.
 */
function personOf(p: FhirResource | undefined): Partial<DirectoryEntry> {
  if (!p) return {};
  const name = Array.isArray(p.name) ? p.name[0] : undefined;
  const out: Partial<DirectoryEntry> = {};
  const family = name?.family?.trim();
  const given = name?.given
    ?.map((g) => g.trim())
    .filter(Boolean)
    .join(' ');
  if (family) out.familyName = family;
  if (given) out.givenName = given;
  const civ = exerciseCivility(name?.suffix?.find((x) => exerciseCivility(x)));
  if (civ) out.civility = civ;
  const rpps = rppsOf(p);
  if (rpps) out.rpps = rpps;
  for (const q of p.qualification ?? []) {
    for (const c of q.code?.coding ?? []) {
      if (!c.code) continue;
      if (c.system?.includes(PROFESSION_SYSTEM) && !out.profession) out.profession = labelOf(c, PROFESSION_LABELS);
      else if (SPECIALTY_SYSTEMS.some((s) => c.system?.includes(s)) && !out.specialty) out.specialty = labelOf(c, SPECIALTY_LABELS);
    }
  }
  return out;
}

function organisationOf(o: FhirResource | undefined): Partial<DirectoryEntry> {
  if (!o) return {};
  const out: Partial<DirectoryEntry> = {};
  if (typeof o.name === 'string' && o.name.trim()) out.organisation = o.name.trim();
  const a = o.address?.[0];
  const postcode = a?.postalCode?.trim();
  if (postcode) {
    out.postcode = postcode;
    const dept = departmentFromPostcode(postcode);
    if (dept) out.department = dept;
  }
  // Folded as the extraction's routing line is: "LYON CEDEX 03" → "LYON", "ST DENIS" → "SAINT DENIS".
  const city = a?.city ? cityName(a.city) : '';
  if (city) out.city = city;
  return out;
}

function finish(e: Omit<DirectoryEntry, 'displayName'>): DirectoryEntry {
  const clean = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined && v !== '')) as Omit<DirectoryEntry, 'displayName'>;
  return { ...clean, displayName: displayNameOf(clean) };
}

/**
 * Every MSSanté mailbox found in a set of resources (a search's matches and includes together), as entries.
 * A PractitionerRole's mailbox takes the names of its Practitioner and the name and address of its Organization.
 */
export function entriesFromResources(resources: FhirResource[]): DirectoryEntry[] {
  const byRef = new Map<string, FhirResource>();
  for (const r of resources) if (r.id) byRef.set(`${r.resourceType}/${r.id}`, r);
  const seen = new Set<string>();
  const out: DirectoryEntry[] = [];
  const push = (e: Omit<DirectoryEntry, 'displayName'>) => {
    if (seen.has(e.address)) return;
    seen.add(e.address);
    out.push(finish(e));
  };
  for (const r of resources) {
    for (const m of mailboxesOf(r)) {
      if (r.resourceType === 'Practitioner') {
        push({ address: m.address, type: m.type ?? 'PER', ...personOf(r), ...(m.service ? { service: m.service } : {}) });
      } else if (r.resourceType === 'PractitionerRole') {
        const p = r.practitioner?.reference ? byRef.get(r.practitioner.reference) : undefined;
        const o = r.organization?.reference ? byRef.get(r.organization.reference) : undefined;
        const person = personOf(p);
        if (!person.rpps) {
          const own = rppsOf(r);
          if (own && !p) person.rpps = own;
        }
        push({ address: m.address, type: m.type ?? 'PER', ...person, ...organisationOf(o), ...(m.service ? { service: m.service } : {}) });
      } else if (r.resourceType === 'Organization') {
        push({
          address: m.address,
          type: m.type ?? 'ORG',
          ...organisationOf(r),
          ...(m.service || m.description ? { service: m.service ?? m.description } : {}),
        });
      }
    }
  }
  return out;
}

function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

export class AnnuaireSanteClient {
  private readonly base: URL;
  private readonly interval: number;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxRetryAfter: number;
  private readonly maxPages: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private nextSlot = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly opts: FhirClientOptions) {
    if (!opts.apiKey) throw new Error('Clé ESANTE-API-KEY manquante. / Missing ESANTE-API-KEY.');
    this.base = new URL((opts.baseUrl ?? FHIR_BASE_URL).replace(/\/+$/, '') + '/');
    this.interval = 1000 / (opts.requestsPerSecond ?? 17);
    this.timeoutMs = opts.timeoutMs ?? 30000;
    this.maxRetries = opts.maxRetries ?? 2;
    this.maxRetryAfter = (opts.maxRetryAfterSeconds ?? 60) * 1000;
    this.maxPages = opts.maxPages ?? 20;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = opts.now ?? (() => Date.now());
  }

  /** Waits for the next free slot: requests start at least 1/17 s apart, across concurrent callers. */
  private slot(): Promise<void> {
    const turn = this.queue.then(async () => {
      const now = this.now();
      const wait = this.nextSlot - now;
      if (wait > 0) await this.sleep(wait);
      this.nextSlot = Math.max(now, this.nextSlot) + this.interval;
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async getOnce(url: string): Promise<{ status: number; retryAfter: string | null; body: string }> {
    await this.slot();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const res = await this.opts.fetch(url, {
        method: 'GET',
        headers: { [API_KEY_HEADER]: this.opts.apiKey, Accept: 'application/fhir+json' },
        signal: controller.signal,
      });
      const body = await res.text();
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
    } catch (err) {
      if (controller.signal.aborted) throw new DirectoryApiError('timeout');
      throw new DirectoryApiError('network', undefined, (err as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One page: retries 429 (after Retry-After) and 5xx (with backoff), then fails with a typed error. */
  async getBundle(url: string): Promise<FhirBundle> {
    for (let attempt = 0; ; attempt++) {
      const { status, retryAfter, body } = await this.getOnce(url);
      if (status === 401 || status === 403) throw new DirectoryApiError('unauthorized', status);
      if (status === 429) {
        const wait = retryAfterMs(retryAfter, this.now()) ?? 1000 * 2 ** attempt;
        if (attempt >= this.maxRetries || wait > this.maxRetryAfter) throw new DirectoryApiError('rate-limited', status);
        await this.sleep(wait);
        continue;
      }
      if (status >= 500) {
        if (attempt >= this.maxRetries) throw new DirectoryApiError('server', status);
        await this.sleep(500 * 2 ** attempt);
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new DirectoryApiError('malformed', status);
      }
      const resourceType = (json as { resourceType?: unknown } | null)?.resourceType;
      if (status >= 400) {
        const diag = resourceType === 'OperationOutcome' ? (json as { issue?: { diagnostics?: string }[] }).issue?.[0]?.diagnostics : undefined;
        throw new DirectoryApiError('http', status, diag);
      }
      if (resourceType !== 'Bundle') throw new DirectoryApiError('malformed', status);
      return json as FhirBundle;
    }
  }

  /** A search, every page through `link.next` (never to another host: the key stays with the API). */
  async search(resourceType: 'Practitioner' | 'PractitionerRole' | 'Organization', params: [string, string][]): Promise<SearchOutcome> {
    const url = new URL(resourceType, this.base);
    for (const [k, v] of params) url.searchParams.append(k, v);
    const resources: FhirResource[] = [];
    const visited = new Set<string>();
    let next: string | undefined = url.toString();
    let pages = 0;
    let truncated = false;
    while (next) {
      if (pages >= this.maxPages) {
        truncated = true;
        break;
      }
      visited.add(next);
      const bundle = await this.getBundle(next);
      pages++;
      for (const e of bundle.entry ?? []) if (e.resource) resources.push(e.resource);
      const link = bundle.link?.find((l) => l.relation === 'next')?.url;
      next = undefined;
      if (link) {
        let target: URL | null = null;
        try {
          target = new URL(link, this.base);
        } catch {
          target = null;
        }
        if (!target || target.origin !== this.base.origin || !target.pathname.startsWith(this.base.pathname)) truncated = true;
        else if (!visited.has(target.toString())) next = target.toString();
      }
    }
    return { resources, pages, truncated };
  }

  /** The mailbox with this exact address, wherever it is published (Practitioner, PractitionerRole, Organization). */
  async findByMailbox(address: string): Promise<DirectoryEntry[]> {
    const a = address.trim().toLowerCase();
    const [p, r, o] = await Promise.all([
      this.search('Practitioner', [['mailbox-mss:exact', a]]),
      this.search('PractitionerRole', [
        ['mailbox-mss:exact', a],
        ['_include', 'PractitionerRole:organization'],
        ['_include', 'PractitionerRole:practitioner'],
      ]),
      this.search('Organization', [['mailbox-mss:exact', a]]),
    ]);
    // Roles first: they carry the practice's name and address.
    return entriesFromResources([...r.resources, ...p.resources, ...o.resources]).filter((e) => e.address === a);
  }

  /** Every mailbox of a professional by RPPS (11 digits) or national id (8 + RPPS). */
  async findByRpps(id: string): Promise<DirectoryEntry[]> {
    const rpps = /^8\d{11}$/.test(id.trim()) ? id.trim().slice(1) : id.trim();
    const first = await this.search('Practitioner', [
      ['identifier', `${RPPS_SYSTEM}|${rpps}`],
      ['_revinclude', 'PractitionerRole:practitioner'],
    ]);
    const orgIds = [
      ...new Set(
        first.resources
          .filter((r) => r.resourceType === 'PractitionerRole')
          .map((r) => r.organization?.reference?.split('/')[1])
          .filter((x): x is string => !!x),
      ),
    ];
    let orgs: FhirResource[] = [];
    if (orgIds.length) orgs = (await this.search('Organization', [['_id', orgIds.slice(0, 50).join(',')]])).resources;
    const roles = first.resources.filter((r) => r.resourceType === 'PractitionerRole');
    const others = first.resources.filter((r) => r.resourceType !== 'PractitionerRole');
    return entriesFromResources([...roles, ...others, ...orgs]);
  }

  /** Practitioners by name (family and/or given), with the mailboxes of their roles. */
  async searchPractitioners(q: { family?: string; given?: string; name?: string }): Promise<DirectoryEntry[]> {
    const params: [string, string][] = [];
    if (q.family) params.push(['family', q.family]);
    if (q.given) params.push(['given', q.given]);
    if (q.name) params.push(['name', q.name]);
    params.push(['_revinclude', 'PractitionerRole:practitioner']);
    const out = await this.search('Practitioner', params);
    return entriesFromResources(out.resources);
  }

  /** Organisations by name, city or postcode, with their organisational mailboxes. */
  async searchOrganizations(q: { name?: string; city?: string; postcode?: string; mailbox?: string }): Promise<DirectoryEntry[]> {
    const params: [string, string][] = [];
    if (q.name) params.push(['name', q.name]);
    if (q.city) params.push(['address-city', q.city]);
    if (q.postcode) params.push(['address-postalcode', q.postcode]);
    if (q.mailbox) params.push(['mailbox-mss:contains', q.mailbox]);
    const out = await this.search('Organization', params);
    return entriesFromResources(out.resources);
  }
}
