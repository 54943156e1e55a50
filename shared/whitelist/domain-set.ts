// The liste blanche as the checker uses it: an exact-match set of normalised domains, plus a compact text form
// that the build generates from the verified XML, for runtimes with no XML parser or crypto (Outlook's JS runtime).

const MSSANTE_SUFFIX = '.mssante.fr';

export interface DomainSetInfo {
  /** `DateDeGeneration` of the list, ISO 8601. */
  generatedAt: string;
  /** Where the set comes from: `embedded` snapshot, `server`, `file`. */
  source: 'embedded' | 'server' | 'file';
  /** Subject DN of the certificate whose signature was verified. */
  signer: string;
  /** When this copy was fetched (server copies), ISO 8601. */
  fetchedAt?: string;
}

export class DomainSet {
  private readonly set: ReadonlySet<string>;
  readonly domains: readonly string[];

  constructor(
    domains: Iterable<string>,
    readonly info: DomainSetInfo,
  ) {
    const sorted = [...new Set([...domains].map((d) => d.toLowerCase()))].sort();
    this.domains = sorted;
    this.set = new Set(sorted);
  }

  /** Exact membership: the domain must already be normalised (lower case, IDNA ASCII, no trailing dot). */
  has(domain: string): boolean {
    return this.set.has(domain);
  }

  get size(): number {
    return this.set.size;
  }
}

/**
 * Compact form: one line of metadata (JSON), then one domain per line, sorted; names ending in `.mssante.fr`
 * are written without that suffix, the others (e.g. `mssante.apicrypt.org`) whole behind `=`; each line then starts
 * with one base-36 character, the length of the prefix it shares with the line before (front coding).
 */
export function encodeCompact(set: DomainSet): string {
  const names = set.domains.map((d) => (d.endsWith(MSSANTE_SUFFIX) ? d.slice(0, -MSSANTE_SUFFIX.length) : `=${d}`)).sort();
  let prev = '';
  const lines = names.map((n) => {
    let k = 0;
    while (k < 35 && k < prev.length && k < n.length && prev[k] === n[k]) k++;
    prev = n;
    return `${k.toString(36)}${n.slice(k)}`;
  });
  return `${JSON.stringify({ generatedAt: set.info.generatedAt, signer: set.info.signer, count: set.size })}\n${lines.join('\n')}`;
}

export function decodeCompact(text: string, source: DomainSetInfo['source'] = 'embedded'): DomainSet {
  const nl = text.indexOf('\n');
  if (nl < 0) throw new Error('compact liste blanche: missing header line');
  const header = JSON.parse(text.slice(0, nl)) as { generatedAt: string; signer: string; count: number };
  const domains: string[] = [];
  let prev = '';
  for (const line of text.slice(nl + 1).split('\n')) {
    if (!line) continue;
    const k = parseInt(line[0]!, 36);
    if (!(k >= 0 && k <= prev.length)) throw new Error('compact liste blanche: malformed line');
    const name = prev.slice(0, k) + line.slice(1);
    prev = name;
    domains.push(name.startsWith('=') ? name.slice(1) : `${name}${MSSANTE_SUFFIX}`);
  }
  const set = new DomainSet(domains, { generatedAt: header.generatedAt, signer: header.signer, source });
  if (set.size !== header.count) throw new Error(`compact liste blanche: ${set.size} domains, header says ${header.count}`);
  return set;
}
