// Benchmark: recipient check for 100 recipients, liste blanche verification (this verifier vs xml-crypto's
// defaults; the plain list and the same list written with comments, CDATA and character references), and the size
// of the compact domain set. Prints its figures; targets in brackets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';
import { checkDraft } from '../shared/send-check';
import { defaultPolicy } from '../shared/config/policy';
import { embeddedDomainSet } from '../shared/whitelist/embedded';
import { encodeCompact } from '../shared/whitelist/domain-set';
import { EMBEDDED_LISTE_BLANCHE_DEFLATED } from '../shared/whitelist/embedded-list.generated';
import { verifyListeBlanche, loadTrustAnchors } from '../server/liste-blanche/verify';
import { dataDir } from '../server/paths';
import type { Draft } from '../shared/model';
import { equalMeaningListeBlanche } from '../test/support/equal-meaning-list';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

function hundredRecipients(): Draft {
  const set = embeddedDomainSet();
  const listed = set.domains.filter((_, i) => i % 97 === 0);
  const to: string[] = [];
  for (let i = 0; i < 100; i++) {
    switch (i % 10) {
      case 0:
        to.push(`Dr Patient ${i} <p${i}@gmail.com>`);
        break;
      case 1:
        to.push(`x${i}@clinique-${i}.fr`);
        break;
      case 2:
        to.push('279035121518989@patient.mssante.fr');
        break;
      case 3:
        to.push(`x${i}@medecin.msante.fr`);
        break;
      default:
        to.push(`"Dr Nom ${i}, Service" <nom.prenom${i}@${listed[i % listed.length]}>`);
    }
  }
  return { from: 'dr.martin@medecin.mssante.fr', to, cc: [], bcc: [], subject: 'Compte rendu', body: '', attachments: [] };
}

function benchRecipients() {
  const whitelist = embeddedDomainSet();
  const policy = defaultPolicy();
  const draft = hundredRecipients();
  for (let i = 0; i < 200; i++) checkDraft(draft, { whitelist, policy });
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = process.hrtime.bigint();
    checkDraft(draft, { whitelist, policy });
    times.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  const onlyListed: Draft = { ...draft, to: draft.to.filter((_, i) => i % 10 >= 4) };
  const t2: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = process.hrtime.bigint();
    checkDraft(onlyListed, { whitelist, policy });
    t2.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  console.log(
    `recipient check, 100 recipients (mixed: 60 listed, 10 Gmail, 10 external, 10 patient, 10 look-alike typos): median ${median(times).toFixed(0)} µs, p95 ${pct(times, 95).toFixed(0)} µs   [target ≤ 1000 µs]`,
  );
  console.log(`recipient check, 60 listed recipients only: median ${median(t2).toFixed(0)} µs`);
}

/** Five verifications of one document (signature, chain, domains): median, min and max in ms. */
function timeVerify(xml: string | Buffer, anchors: ReturnType<typeof loadTrustAnchors>): string {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const v = verifyListeBlanche(xml, anchors);
    runs.push(performance.now() - t);
    if (v.domains.length !== 4944) throw new Error('wrong domain count');
  }
  return `median ${median(runs).toFixed(0)} ms (min ${Math.min(...runs).toFixed(0)}, max ${Math.max(...runs).toFixed(0)}) over 5 runs   [target ≤ 1000 ms]`;
}

/** xml-crypto 6 with its defaults (signature only: no chain, no domain extraction), once. */
function timeStock(text: string): string {
  const t = performance.now();
  const stock = new SignedXml({ getCertFromKeyInfo: SignedXml.getCertFromKeyInfo });
  stock.loadSignature(text.slice(text.indexOf('<Signature'), text.indexOf('</Signature>') + '</Signature>'.length));
  const ok = stock.checkSignature(text);
  return `${(performance.now() - t).toFixed(0)} ms (valid: ${ok})`;
}

function benchVerify() {
  const xml = readFileSync(join(dataDir(), 'liste-blanche/listeblanchemssante-2025-02-28.xml'));
  const anchors = loadTrustAnchors(join(dataDir(), 'igc-sante'));
  // The same signed list written with comments, CDATA sections and character references (same canonical form).
  const equal = equalMeaningListeBlanche(xml.toString('utf8'));
  console.log(`liste blanche ${(xml.length / 1e6).toFixed(2)} MB, parse + signature + IGC-Santé chain: ${timeVerify(xml, anchors)}`);
  console.log(
    `  equal-meaning list (${(Buffer.byteLength(equal) / 1e6).toFixed(2)} MB: comments, CDATA, character references), same checks: ${timeVerify(equal, anchors)}`,
  );
  console.log(`  alternative: xml-crypto 6 defaults, signature only: ${timeStock(xml.toString('utf8'))}`);
  console.log(`  alternative: xml-crypto 6 defaults on the equal-meaning list, signature only: ${timeStock(equal)}`);
}

function benchSize() {
  const compact = encodeCompact(embeddedDomainSet());
  console.log(
    `compact domain set: ${embeddedDomainSet().size} domains, ${(Buffer.byteLength(compact) / 1024).toFixed(1)} KB raw, ${(gzipSync(compact, { level: 9 }).length / 1024).toFixed(1)} KB gzipped   [target ≤ 60 KB gzipped]`,
  );
  console.log(`  as embedded in bundles (raw deflate, base64): ${(Buffer.byteLength(EMBEDDED_LISTE_BLANCHE_DEFLATED) / 1024).toFixed(1)} KB`);
}

benchRecipients();
benchSize();
benchVerify();
