// Reads the liste blanche XML (namespace https://listeblanche.mssante.fr/schema) with a streaming parser.
// Platform-blind: it trusts nothing by itself; the caller hands it the *signed* content once verified.
import { SaxesParser } from 'saxes';
import { normaliseDomain } from '../recipient-policy/address';

export const LISTE_BLANCHE_NS = 'https://listeblanche.mssante.fr/schema';

export interface ListeBlancheEntry {
  domain: string;
  description: string;
  operatorCertificateDn: string;
  updatedAt: string;
}

export interface ParsedListeBlanche {
  generatedAt: string;
  entries: ListeBlancheEntry[];
  /** Distinct normalised domains. */
  domains: string[];
  /** Entries whose name could not be normalised (reported, never used). */
  rejected: string[];
}

export class ListeBlancheFormatError extends Error {}

export function parseListeBlanche(xml: string): ParsedListeBlanche {
  const parser = new SaxesParser({ xmlns: true });
  const path: string[] = [];
  let text = '';
  let generatedAt = '';
  let rootSeen = false;
  const entries: ListeBlancheEntry[] = [];
  const rejected: string[] = [];
  let cur: Partial<ListeBlancheEntry> & { rawName?: string } = {};
  let error: Error | undefined;

  parser.on('opentag', (tag) => {
    if (path.length === 0) {
      if (tag.local !== 'ListeBlancheMSSante' || tag.uri !== LISTE_BLANCHE_NS) {
        error = new ListeBlancheFormatError(`unexpected root element {${tag.uri ?? ''}}${tag.local ?? tag.name}`);
      }
      rootSeen = true;
    }
    path.push(tag.uri === LISTE_BLANCHE_NS ? (tag.local ?? tag.name) : `{other}${tag.local ?? tag.name}`);
    text = '';
    if (path.join('/') === 'ListeBlancheMSSante/ListeDomaines/Domaine') cur = {};
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  parser.on('closetag', () => {
    const p = path.join('/');
    const value = text.trim();
    switch (p) {
      case 'ListeBlancheMSSante/DateDeGeneration':
        generatedAt = value;
        break;
      case 'ListeBlancheMSSante/ListeDomaines/Domaine/Nom':
        cur.rawName = value;
        break;
      case 'ListeBlancheMSSante/ListeDomaines/Domaine/Description':
        cur.description = value;
        break;
      case 'ListeBlancheMSSante/ListeDomaines/Domaine/DNCertificatOperateur':
        cur.operatorCertificateDn = value;
        break;
      case 'ListeBlancheMSSante/ListeDomaines/Domaine/DateMAJ':
        cur.updatedAt = value;
        break;
      case 'ListeBlancheMSSante/ListeDomaines/Domaine': {
        const domain = cur.rawName ? normaliseDomain(cur.rawName) : null;
        if (!domain) rejected.push(cur.rawName ?? '(sans nom)');
        else
          entries.push({ domain, description: cur.description ?? '', operatorCertificateDn: cur.operatorCertificateDn ?? '', updatedAt: cur.updatedAt ?? '' });
        break;
      }
    }
    path.pop();
    text = '';
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new ListeBlancheFormatError(`malformed XML: ${(e as Error).message}`);
  }
  if (error) throw error;
  if (!rootSeen) throw new ListeBlancheFormatError('empty document');
  if (!generatedAt || !Number.isFinite(Date.parse(generatedAt))) throw new ListeBlancheFormatError('missing or invalid DateDeGeneration');
  if (entries.length === 0) throw new ListeBlancheFormatError('no domain in the list');
  const domains = [...new Set(entries.map((e) => e.domain))].sort();
  return { generatedAt: new Date(Date.parse(generatedAt)).toISOString().replace('.000Z', 'Z'), entries, domains, rejected };
}
