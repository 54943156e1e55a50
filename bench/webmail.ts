// Benchmark: what the webmail extension does synchronously at Send (the core's checkDraft with scanDraft on the draft
// read from the page) for short to very long messages, and what it ships (bundle sizes, raw and gzipped).
// Prints its figures; targets in brackets.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkDraft } from '../shared/send-check';
import { scanDraft } from '../shared/health-data';
import { defaultPolicy } from '../shared/config/policy';
import { embeddedDomainSet } from '../shared/whitelist/embedded';
import type { Draft } from '../shared/model';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

const paragraph =
  'Cher confrère, je vous adresse Mme Durand, 67 ans, suivie pour une insuffisance cardiaque ; traitement par bisoprolol 5 mg et furosémide 40 mg. Échographie de contrôle prévue en mars. ';
function draft(bodyBytes: number, nir: boolean): Draft {
  let body = nir ? 'Patiente NIR 2 95 10 99 126 111 93. ' : '';
  while (body.length < bodyBytes) body += paragraph;
  return {
    from: 'dr.martin.cabinet@gmail.com',
    to: ['paul.durand@gmail.com', 'secretariat@clinique-exemple.fr'],
    cc: ['Dr B <dr.bernard@aphp.mssante.fr>'],
    bcc: [],
    subject: 'Compte rendu de consultation',
    body: body.slice(0, bodyBytes),
    attachments: [{ name: 'CR_consultation.pdf' }],
  };
}

const whitelist = embeddedDomainSet();
const policy = defaultPolicy();
console.log('Webmail send check (checkDraft + scanDraft, one draft, synchronous at Send) [p95 < 16 ms for 10 KB: one frame]');
for (const size of [1_000, 10_000, 50_000, 200_000]) {
  for (const nir of [false, true]) {
    const d = draft(size, nir);
    for (let i = 0; i < 5; i++) checkDraft(d, { whitelist, policy, scanHealthData: scanDraft });
    const runs = size >= 200_000 ? 20 : 100;
    const times: number[] = [];
    let verdict = '';
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      verdict = checkDraft(d, { whitelist, policy, scanHealthData: scanDraft }).verdict;
      times.push(performance.now() - t0);
    }
    console.log(
      `  body ${String(size / 1000).padStart(4)} KB ${nir ? 'with a NIR   ' : 'no identifier'}  median ${pct(times, 50).toFixed(2)} ms  p95 ${pct(times, 95).toFixed(2)} ms  (${verdict})`,
    );
  }
}

const dist = join(__dirname, '..', 'chrome');
if (existsSync(dist)) {
  console.log('\nWhat the extension ships (dist/chrome) [content script < 250 KB gzipped: it loads on every webmail page]');
  for (const f of ['content.js', 'background.js', 'panel.js', 'options.js', 'managed-schema.json']) {
    const b = readFileSync(join(dist, f));
    console.log(`  ${f.padEnd(20)} ${(b.length / 1024).toFixed(1).padStart(7)} KB   gzip ${(gzipSync(b).length / 1024).toFixed(1).padStart(6)} KB`);
  }
}
