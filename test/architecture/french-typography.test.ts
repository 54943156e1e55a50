// French typography in every French text users read: a no-break space (U+00A0) before « : », a narrow no-break space
// (U+202F) before ; ? ! and inside « », a curly apostrophe. Either no-break space is accepted (both keep the sign
// on its word's line); a plain space or none is refused. Only French text is read: the `en` side of a
// `{fr, en}` pair or `const en`, the else-branch of `fr ? … : …`, URLs, times, code and CSS are left out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { downloadsPage } from '../../server/downloads-page';
import { landingPage, type Health } from '../../server/landing';

const root = join(__dirname, '..', '..');
const NB = '\u00a0\u202f';

/** The typography faults in one French text, each named with its surroundings. */
export function typographyFaults(text: string): string[] {
  const faults: string[] = [];
  const at = (i: number, what: string) => faults.push(`${what} in “${text.slice(Math.max(0, i - 20), i + 12)}”`);
  // Punctuation that closes a French phrase: followed by a space, the end, a closing sign or a tag.
  const closing = /[:;?!](?=$|[\s)»”"'<.,])/g;
  for (let m = closing.exec(text); m; m = closing.exec(text)) {
    const i = m.index;
    const before = text[i - 1];
    if (before === undefined) continue;
    if (m[0] === ':' && /\d/.test(before) && /\d/.test(text[i + 1] ?? '')) continue; // 10:30
    if (/[?!]/.test(before) || (m[0] === '!' && text[i + 1] === '=')) continue; // ?! and code
    if (before === '…' && m[0] !== ':') continue;
    if (!NB.includes(before)) at(i, before === ' ' ? `plain space before « ${m[0]} »` : `no space before « ${m[0]} »`);
  }
  for (let i = text.indexOf('«'); i >= 0; i = text.indexOf('«', i + 1)) if (!NB.includes(text[i + 1] ?? '')) at(i, 'no no-break space after «');
  for (let i = text.indexOf('»'); i >= 0; i = text.indexOf('»', i + 1)) if (!NB.includes(text[i - 1] ?? '')) at(i, 'no no-break space before »');
  const straight = /[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/g;
  for (let m = straight.exec(text); m; m = straight.exec(text)) at(m.index + 1, 'straight apostrophe');
  return faults;
}

/** URLs, paths and inline code are not French prose. */
function prose(text: string): string {
  return text.replace(/\b[a-z][a-z-]*:\/\/\S*/gi, ' ').replace(/(^|\s)\/[\w./?=&%-]*/g, ' ');
}

function isEnglishSide(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent)) && parent.initializer === node && parent.name.getText() === 'en') return true;
  if (ts.isConditionalExpression(parent) && parent.whenFalse === node && /^(fr|lang === 'fr')$/.test(parent.condition.getText())) return true;
  return false;
}

/** The texts a TypeScript source shows to users in French: its string and template pieces outside English sides. */
function frenchStringsOfSource(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isEnglishSide(node) || ts.isImportDeclaration(node) || ts.isTypeNode(node)) return;
    if (ts.isPropertyAssignment(node)) return visit(node.initializer); // keys are code
    if (ts.isElementAccessExpression(node) || ts.isLiteralTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      // A template is read whole, each substitution standing for a word.
      found.push(node.head.text + node.templateSpans.map((s) => `X${s.literal.text}`).join(''));
      node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const sources = [
  'shared/i18n/messages.ts',
  'extension/webmail/messages.ts',
  'extension/thunderbird/text.ts',
  'extension/thunderbird/send-guard.ts',
  'shared/ui/contact-picker/text.ts',
  'shared/ui/document-chooser/text.ts',
  'shared/documents/messages.ts',
  'shared/directory/server-client.ts',
  'server/landing-states.ts',
  'server/install-steps.ts',
];

const json = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const localeMessages = (path: string): string[] => Object.values(json(path) as Record<string, { message: string }>).map((m) => m.message);

const health: Health = {
  status: 'degraded',
  uptimeSeconds: 5,
  listeBlanche: {
    source: 'embedded',
    generatedAt: '2025-02-28T10:30:00Z',
    fetchedAt: null,
    ageDays: 400,
    stale: true,
    domains: 4944,
    signer: 'CN=x',
    refresh: { configured: true, running: false, lastError: { at: '2026-12-04T10:30:00Z', reason: 'ECONNREFUSED' } },
  },
  directory: { status: 'building', entries: 0, builtAt: null, ageHours: null, source: 'synthetic:50000', building: true, fhirConfirmation: false },
  di: { mode: 'demo', configured: true },
  psc: { configured: false },
  policy: { source: 'embedded', mode: 'block' },
  audit: { enabled: true, store: 'embedded', retentionDays: 183, adminToken: false },
};

/** The French text of the landing page: tags, English spans and code removed, entities decoded. */
function landingFrench(html: string): string {
  return html
    .replace(/<(style|code|script)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<span class="en">[\s\S]*?<\/span>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

describe('French typography', () => {
  it('finds a plain space, a missing space, bare guillemets and a straight apostrophe (probe)', () => {
    expect(typographyFaults('Adresse illisible : vérifiez.')).toHaveLength(1);
    expect(typographyFaults('Envoyer quand même?')).toHaveLength(1);
    expect(typographyFaults('Pourquoi ; parce que !')).toHaveLength(2);
    expect(typographyFaults('le bouton « Annuaire Santé »')).toHaveLength(2);
    expect(typographyFaults("l'adresse")).toHaveLength(1);
    expect(typographyFaults('Adresse illisible\u00a0: «\u202fx\u202f». Pourquoi\u202f? Parce que\u202f! l’adresse, 10:30')).toEqual([]);
    expect(typographyFaults(prose('Voir https://localhost:3443/?q=a et /api/directory/search?q=&limit='))).toEqual([]);
  });

  it.each(sources)('%s', (path) => {
    expect(frenchStringsOfSource(path).flatMap((s) => typographyFaults(prose(s)))).toEqual([]);
  });

  it('the French labels of the policy settings', () => {
    const labels = Object.values(json('shared/config/policy-labels.fr.json') as Record<string, string>);
    expect(labels.flatMap((s) => typographyFaults(prose(s)))).toEqual([]);
  });

  it('the French defaults of the policy schema (override reasons)', () => {
    const french: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        for (const [k, v] of Object.entries(x)) {
          if (k === 'fr' && typeof v === 'string') french.push(v);
          else walk(v);
        }
      }
    };
    walk(json('shared/config/policy.schema.json'));
    expect(french.length).toBeGreaterThan(0);
    expect(french.flatMap((s) => typographyFaults(prose(s)))).toEqual([]);
  });

  it.each(['manifests/extension/_locales/fr/messages.json', 'extension/thunderbird/_locales/fr/messages.json'])('%s', (path) => {
    expect(localeMessages(path).flatMap((s) => typographyFaults(prose(s)))).toEqual([]);
  });

  it('the landing page, in every state', () => {
    const ok: Health = {
      ...health,
      status: 'ok',
      listeBlanche: { ...health.listeBlanche, stale: false, refresh: { configured: false, running: false } },
      directory: { ...health.directory, status: 'ready', entries: 50000, building: false },
    };
    for (const h of [health, ok]) {
      for (const downloads of [[], ['vigie-thunderbird.xpi', 'vigie-webmail.zip']]) {
        const text = landingFrench(landingPage(h, { publicUrl: 'https://localhost:3443', downloads, addin: downloads.length > 0 }));
        expect(typographyFaults(prose(text))).toEqual([]);
      }
    }
  });

  it('the downloads page, with and without packages', () => {
    for (const names of [[], ['vigie-thunderbird.xpi', 'vigie-chrome.zip', 'vigie-firefox.xpi']])
      expect(typographyFaults(prose(landingFrench(downloadsPage(names))))).toEqual([]);
  });
});
