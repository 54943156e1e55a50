// Health-data scanning speed. Targets: a typical 1–5 KB message scans in ≤ 1 ms at the 99th percentile; every
// adversarial shape stays ≤ 100 ms at 1 MB and grows linearly (×4 input, about ×4 time). Throughput on 10 MB of mixed
// mail is printed for reference (no target). Alternatives shown for the two hot parts: the NIR search (our digit-run
// scanner vs the research note's single regex) and the vocabulary match (tokens + automaton vs one regex alternation).
import { join } from 'node:path';
import { scanDraft, scanText, findNirs } from '../shared/health-data';
import { scanDraft as scanDraftCompact } from '../shared/health-data/compact';
import { TextContext } from '../shared/health-data/text-context';
import { Lexicon, textVocabularies, textVocabulariesInUse, useExtendedVocabulary } from '../shared/health-data/lexicon';
import { checkMatriculeIns } from '../shared/recipient-policy/ins';
import { loadCorpus } from '../test/health-data/corpus';

const TARGET = 10 * 1000 * 1000;
const RUNS = 9;
const bytes = (s: string) => new TextEncoder().encode(s).length;
/**
 * Fastest of `runs` timed runs after two warm-ups (the CPU is shared with other machines: the fastest run is the
 * code's own cost), with the median beside it.
 */
const timed = (f: () => unknown, runs = RUNS) => {
  f();
  f();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    all.push(performance.now() - t0);
  }
  all.sort((a, b) => a - b);
  return { best: all[0]!, median: all[all.length >> 1]! };
};
const time = (f: () => unknown, runs = RUNS) => timed(f, runs).best;

// 1. Mixed mail: each message is a corpus message (positive or negative, numbers re-drawn so digit runs vary), the
// message it answers quoted below it, and a hospital signature with its confidentiality notice — the shape of real
// mail (1–3 KB) — until 10 MB.
const corpus = loadCorpus(join(process.cwd(), 'test', 'fixtures', 'health-data'));
const signature = [
  '--',
  'Secrétariat de cardiologie — Bâtiment B, 2e étage',
  'Centre hospitalier de Valmont, 12 avenue de la République, 75011 Paris',
  'Tél. 01 45 67 89 00 — Fax 01 45 67 89 99',
  'Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leurs destinataires. Si vous l’avez reçu par erreur, merci de le détruire et d’en avertir l’expéditeur. Pensez à l’environnement avant d’imprimer ce message.',
].join('\n');
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const redraw = (s: string) => s.replace(/\d/g, () => String(Math.floor(rand() * 10)));
const quote = (s: string) =>
  s
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
const messages: { subject: string; body: string; attachments: { name: string }[] }[] = [];
let size = 0;
for (let i = 0; size < TARGET; i++) {
  const m = corpus[i % corpus.length]!;
  const previous = corpus[(i * 7 + 3) % corpus.length]!;
  // One string, as a mail client hands a body over (not a chain of concatenations).
  const body = [
    redraw(m.body),
    '\n\n',
    signature,
    `\n\nLe ${1 + (i % 28)}/0${1 + (i % 9)}/2024 à 09:${10 + (i % 50)}, a écrit :\n`,
    quote(redraw(previous.body)),
  ].join('');
  messages.push({ subject: m.subject, body, attachments: m.attachments });
  size += bytes(m.subject) + bytes(body);
}
const big = messages.map((m) => `${m.subject}\n\n${m.body}`).join('\n\n');
const mbps = (n: number, ms: number) => (n / 1e6 / (ms / 1000)).toFixed(1);

console.log(`health-data benchmark — Node ${process.version}`);
console.log(
  `mixed mail: ${messages.length} messages (${Math.round(size / messages.length)} bytes on average), ${(size / 1e6).toFixed(1)} MB (UTF-8), built from ${corpus.length} corpus messages`,
);
const loopMs = time(() => {
  let n = 0;
  for (let i = 0; i < big.length; i++) n += big.charCodeAt(i) & 1;
  return n;
}, 3);
console.log(`  machine reference — a loop reading every character of the 10 MB: ${mbps(bytes(big), loopMs)} MB/s (2 shared cores: compare figures with this)`);
let flagged = 0;
const { best: perMessage, median: perMessageMedian } = timed(() => {
  flagged = 0;
  for (const m of messages) if (scanDraft(m).containsHealthData) flagged++;
});
const share = (n: number, ms: number) => (n / ms / (bytes(big) / loopMs)).toFixed(3);
console.log(
  `  scanDraft, message by message: ${perMessage.toFixed(0)} ms → ${mbps(size, perMessage)} MB/s (median run ${mbps(size, perMessageMedian)} MB/s; ${share(size, perMessage)}× the reference loop) — ${flagged} flagged`,
);
const { best: whole, median: wholeMedian } = timed(() => scanText(big), 5);
console.log(
  `  scanText, one 10 MB text:      ${whole.toFixed(0)} ms → ${mbps(bytes(big), whole)} MB/s (median run ${mbps(bytes(big), wholeMedian)} MB/s; ${share(bytes(big), whole)}× the reference loop)`,
);

// 2. The hot parts and their alternatives.
const bigBytes = bytes(big);
const tokenize = time(() => new TextContext(big), 3);
console.log(`  of which tokens + vocabulary (TextContext): ${tokenize.toFixed(0)} ms → ${mbps(bigBytes, tokenize)} MB/s`);
const nirOurs = time(() => findNirs(big), 3);
const NIR_REGEX = /(?<!\d)[1-478][ .]?\d{2}[ .]?(0[1-9]|1[0-2]|[2-9]\d)[ .]?(\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}(?!\d)/g;
const nirRegex = time(() => {
  let n = 0;
  for (const m of big.matchAll(NIR_REGEX)) if (checkMatriculeIns(m[0].replace(/[ .]/g, '')).valid) n++;
  return n;
}, 3);
console.log(`  NIR search — digit-run scanner: ${mbps(bigBytes, nirOurs)} MB/s; alternative, single regex + key check: ${mbps(bigBytes, nirRegex)} MB/s`);
// The hand-written lists only, both ways: an alternation of the generated medicine names too takes minutes to run.
const terms = Object.values(textVocabularies)
  .flatMap((v) => Object.values(v.categories).flatMap((c) => c.terms))
  .filter((t) => !t.includes('*'));
const escaped = terms.sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
const ALTERNATION = new RegExp(`(?<![\\p{L}\\d])(?:${escaped.join('|')})(?![\\p{L}\\d])`, 'giu');
const sample = big.slice(0, 1_000_000);
const coreLexicon = new Lexicon(textVocabularies);
const altMs = time(() => [...sample.matchAll(ALTERNATION)].length, 3);
const tokMs = time(() => new TextContext(sample, coreLexicon), 3);
console.log(
  `  vocabulary match (1 MB sample, the ${terms.length} hand-written terms) — tokens + map: ${mbps(bytes(sample), tokMs)} MB/s; alternative, one regex alternation: ${mbps(bytes(sample), altMs)} MB/s (and accents must then be spelled out)`,
);

// 3. A typical message, one at a time as a mail client sends it: 1–5 KB (a message, its signature, the replies it
// quotes). Each call timed alone; the 99th percentile is the figure the user waits for.
const typical: typeof messages = [];
for (let i = 0; typical.length < 2000; i++) {
  const m = corpus[i % corpus.length]!;
  const quoted = [1, 2, 3].slice(0, i % 4).map((k) => quote(redraw(corpus[(i * 5 + k * 11) % corpus.length]!.body)));
  const body = [redraw(m.body), '\n\n', signature, ...quoted.map((q) => `\n\nLe 3 mars 2025 à 10:12, a écrit :\n${q}`)].join('');
  const n = bytes(m.subject) + bytes(body);
  if (n >= 1000 && n <= 5000) typical.push({ subject: m.subject, body, attachments: m.attachments });
}
/**
 * p50 and p99 of one round over every typical message; five rounds, the quietest kept with the median round beside it
 * (on a shared machine a round's p99 is mostly the other processes' preemptions).
 */
const latency = (scan: typeof scanDraft) => {
  for (const m of typical) scan(m);
  const rounds: { p50: number; p99: number; max: number }[] = [];
  for (let round = 0; round < 5; round++) {
    const all: number[] = [];
    for (const m of typical) {
      const t0 = performance.now();
      scan(m);
      all.push(performance.now() - t0);
    }
    all.sort((a, b) => a - b);
    rounds.push({ p50: all[all.length >> 1]!, p99: all[Math.floor(0.99 * all.length)]!, max: all[all.length - 1]! });
  }
  rounds.sort((a, b) => a.p99 - b.p99);
  return { quietest: rounds[0]!, median: rounds[2]! };
};
const typicalBytes = typical.map((m) => bytes(m.subject) + bytes(m.body));
console.log(
  `typical messages: ${typical.length} of 1–5 KB (${Math.round(typicalBytes.reduce((a, b) => a + b, 0) / typical.length)} bytes on average), each scanned alone, 5 rounds (limit: 1 ms at p99)`,
);
const report = (name: string, scan: typeof scanDraft) => {
  const { quietest, median } = latency(scan);
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  console.log(
    `  ${quietest.p99 <= 1 ? 'ok  ' : 'SLOW'} ${name}: p50 ${us(quietest.p50)}, p99 ${us(quietest.p99)}, max ${quietest.max.toFixed(2)} ms (median round: p99 ${us(median.p99)})`,
  );
};
report('library entry (all vocabulary)', scanDraft);
// The compact entry (Outlook's event handler) reads the hand-written lists only.
const extendedLists = Object.fromEntries(Object.entries(textVocabulariesInUse()).filter(([k]) => !['clinical', 'person', 'identifiers', 'units'].includes(k)));
useExtendedVocabulary({});
report('compact entry (Outlook handler)', scanDraftCompact);
useExtendedVocabulary(extendedLists);

// 4. Adversarial inputs: each at ¼, ½ and 1 MB. Linear work quadruples for ×4 input; backtracking or a quadratic loop
// would explode. Limit: 100 ms at 1 MB.
const MB = 1_000_000;
const fill = (unit: string, n = MB) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const adversarial: [string, (n: number) => unknown][] = [
  ['one 1 MB digit run', (n) => scanText(fill('1', n))],
  ['digits and single spaces', (n) => scanText(fill('1 ', n))],
  ['NIR-shaped groups without end', (n) => scanText(fill('1 85 06 75 112 345 4', n))],
  ['valid NIRs back to back, spaced', (n) => scanText(fill('1 85 06 75 112 345 45 ', n))],
  ['digits and dots', (n) => scanText(fill('12.', n))],
  ['Corsica letters and digits', (n) => scanText(fill('2A2B', n))],
  ['one 1 MB word', (n) => scanText(fill('a', n))],
  ['civility without a name', (n) => scanText(fill('Madame ', n))],
  ['names and diagnoses', (n) => scanText(fill('Mme Dupont diabète 5 mg ', n))],
  ['names in capitals on one line', (n) => scanText(fill('DUPONT Jean — ', n))],
  ['header lines', (n) => scanText(fill('Objet : CR — DUPONT Jean\n', n))],
  ['document titles and names', (n) => scanText(fill('CR d’imagerie de M.Dupont ', n))],
  ['English ages', (n) => scanText(fill('a 33-year-old man, 29 y.o. female ', n))],
  ['HL7 PID segments', (n) => scanText(fill('PID|1||42^^^CH^PI||ROUX^Colette||19410312|F\r', n))],
  ['"is a" before person nouns', (n) => scanText(fill('he is a very pleasant young man ', n))],
  ['birth cue followed by spaces', (n) => scanText(`née le${' '.repeat(n)}12/03/1956`)],
  ['birth cues without dates', (n) => scanText(fill('née le 12/', n))],
  ['patient addresses with long local parts', (n) => scanText(fill('1234567890123456789012345678901234567890@patient.mssante.fr ', n))],
  ['lab names without values', (n) => scanText(fill('HbA1c CRP TA ', n))],
  ['numbers and units', (n) => scanText(fill('1 mg 2 mmol/l 3 mmHg ', n))],
  ['apostrophes and hyphens', (n) => scanText(fill("l'-'-", n))],
  ['whitespace only', (n) => scanText(fill(' \n\t', n))],
  ['attachment name', (n) => scanDraft({ subject: '', body: '', attachments: [{ name: `${fill('CR_a', n)}.pdf` }] })],
  ['subject of titles', (n) => scanDraft({ subject: fill('Dr Pr M. ', n), body: 'x', attachments: [] })],
];
console.log('adversarial inputs (ms at ¼ MB, ½ MB, 1 MB; limit 100 ms at 1 MB; linear: about ×4 for ×4 input):');
let worst = 0;
let worstGrowth = 0;
for (const [name, f] of adversarial) {
  const [a, b, c] = [MB / 4, MB / 2, MB].map((n) => time(() => f(n), 5));
  const growth = c! / Math.max(a!, 0.5);
  worst = Math.max(worst, c!);
  if (c! >= 5) worstGrowth = Math.max(worstGrowth, growth);
  console.log(
    `  ${c! < 100 ? 'ok  ' : 'SLOW'} ${a!.toFixed(1).padStart(6)} ${b!.toFixed(1).padStart(6)} ${c!.toFixed(1).padStart(6)}  ×${growth.toFixed(1)}  ${name}`,
  );
}
console.log(
  `worst adversarial case at 1 MB: ${worst.toFixed(1)} ms ${worst < 100 ? '(under 100 ms)' : '(OVER 100 ms)'}; largest growth for ×4 input: ×${worstGrowth.toFixed(1)} (cases over 5 ms)`,
);
