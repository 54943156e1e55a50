// How signals add up. Identifiers and report attachments are enough alone. Otherwise a person designation must have
// clinical content near it: within PROXIMITY characters (Purview's window for its keyword rule) on either side, and
// further on (REACH) after a designation that alone is strong enough, since a letter or a report names its patient
// once, at the top, and writes about them for pages. The cluster scores person strength × clinical evidence, each
// distinct clinical fact counted once. Strength adds the kinds of designation near each other: a name with a birth
// date (2) needs one clinical fact where a name alone (1) needs two.
import type { Signal } from './types';

export const THRESHOLD = 1;
export const PROXIMITY = 300;
/** Clinical evidence above this adds nothing (a long report is not "more" health data). */
export const CLINICAL_CAP = 2;
/** How far after a strong designation (strength ≥ 1) clinical content still counts: a message's length. */
export const REACH = 2000;
/**
 * Clinical signals read per designation at most: a window dense with the same few facts (a pasted list, a flood) is
 * not read to its end for each of its designations.
 */
const MAX_EXAMINED = 48;
/** Each further kind of designation near the first (name + age + birth date) adds its weight, up to this. */
const STRENGTH_CAP = 2;
const MIN_BONUS_WEIGHT = 0.3;
/** At most this many findings are reported (the score is computed on all of them); a cluster shows its strongest. */
const MAX_FINDINGS = 100;
const MAX_CLUSTER_FINDINGS = 12;

export interface Scored {
  score: number;
  signals: Signal[];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Signals sorted by start. */
function byStart(a: Signal, b: Signal): number {
  return a.start - b.start;
}

/** The designation first, then the clinical facts by weight: heavier first, then in text order. */
function byWeight(a: Signal, b: Signal): number {
  return b.weight - a.weight || a.start - b.start;
}

/**
 * Sorts in place, stable. Lists of a message's signals are short and nearly in order (each detector reports in
 * text order): an insertion sort does it in one pass, the engine's sort is kept for long lists.
 */
function sortSignals(list: Signal[], order: (a: Signal, b: Signal) => number): Signal[] {
  if (list.length > 48) return list.sort(order);
  for (let i = 1; i < list.length; i++) {
    const s = list[i]!;
    let j = i - 1;
    while (j >= 0 && order(list[j]!, s) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = s;
  }
  return list;
}

/** Index of the first signal with start ≥ offset. */
function lowerBound(list: Signal[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Strength of a designation: its weight plus the weight of each other kind of designation within PROXIMITY (a name,
 * a birth date, an age), up to STRENGTH_CAP. Professionals' names (low weight) neither get nor give any.
 */
function strengthOf(persons: Signal[], anchor: Signal): number {
  if (anchor.weight < MIN_BONUS_WEIGHT) return anchor.weight;
  const kinds: string[] = [anchor.kind];
  const weights: number[] = [anchor.weight];
  for (let q = lowerBound(persons, anchor.start - PROXIMITY); q < persons.length && persons[q]!.start <= anchor.end + PROXIMITY; q++) {
    const s = persons[q]!;
    if (s.weight < MIN_BONUS_WEIGHT) continue;
    const k = kinds.indexOf(s.kind);
    if (k < 0) {
      kinds.push(s.kind);
      weights.push(s.weight);
    } else if (s.weight > weights[k]!) weights[k] = s.weight;
  }
  let sum = 0;
  for (const w of weights) sum += w;
  return Math.min(STRENGTH_CAP, sum);
}

/**
 * Scores the signals of one message. `text` signals are positioned in the scanned text; attachment signals have no
 * position in it: a suggestive attachment name counts as clinical evidence for every person of the message.
 */
export function combine(signals: Signal[]): Scored {
  const persons: Signal[] = [];
  const clinical: Signal[] = [];
  const attachments: Signal[] = [];
  const identifiers: Signal[] = [];
  for (const s of signals) {
    if (s.role === 'person') persons.push(s);
    else if (s.role === 'clinical') clinical.push(s);
    else if (s.role === 'attachment') attachments.push(s);
    else identifiers.push(s);
  }
  sortSignals(persons, byStart);
  sortSignals(clinical, byStart);

  const near = (list: Signal[], s: Signal) => {
    const i = lowerBound(list, s.start - PROXIMITY);
    return i < list.length && list[i]!.start <= s.end + PROXIMITY;
  };

  let score = 0;
  const decisive: Signal[] = [];
  for (const id of identifiers) {
    const w = id.needsContext && (near(persons, id) || near(clinical, id)) ? 1 : id.weight;
    const s = w === id.weight ? id : { ...id, weight: w, needsContext: false };
    score = Math.max(score, w);
    decisive.push(s);
  }
  for (const a of attachments) score = Math.max(score, a.weight);
  const weakAttachments = attachments.filter((a) => a.weight < THRESHOLD);
  const attachmentEvidence = weakAttachments.reduce((sum, a) => sum + a.weight, 0);

  let best: { score: number; person: number; to: number } | undefined;
  for (let p = 0; p < persons.length; p++) {
    const anchor = persons[p]!;
    const from = anchor.start - PROXIMITY;
    const strength = strengthOf(persons, anchor);
    const to = anchor.end + (strength >= 1 ? REACH : PROXIMITY);
    // Few distinct facts fit under the cap: a short list beats a set.
    const seen: (string | number)[] = [];
    let evidence = attachmentEvidence;
    const last = Math.min(clinical.length, lowerBound(clinical, from) + MAX_EXAMINED);
    for (let c = lowerBound(clinical, from); c < last && clinical[c]!.start <= to && evidence < CLINICAL_CAP; c++) {
      const sig = clinical[c]!;
      if (seen.includes(sig.key)) continue;
      seen.push(sig.key);
      evidence += sig.weight;
    }
    const cluster = strength * Math.min(CLINICAL_CAP, evidence);
    if (!best || cluster > best.score) best = { score: cluster, person: p, to };
    // The question is answered: the first cluster that reaches the threshold is the one reported (reading every other
    // designation of a long document would only refine the score).
    if (cluster >= THRESHOLD) break;
  }
  if (best) score = Math.max(score, best.score);

  const findings: Signal[] = decisive;
  for (const a of attachments) findings.push(a);
  if (best && best.score > 0) {
    const anchor = persons[best.person]!;
    const from = anchor.start - PROXIMITY;
    const to = best.to;
    const seen = new Set<string | number>();
    const inWindow = (list: Signal[]) => {
      const r: Signal[] = [];
      for (let i = lowerBound(list, from); i < list.length && list[i]!.start <= to; i++) {
        const s = list[i]!;
        if (seen.has(s.key) && s.role === 'clinical') continue;
        seen.add(s.key);
        r.push(s);
      }
      return r;
    };
    const personsNear = sortSignals(inWindow(persons), byWeight);
    const clinicalNear = sortSignals(inWindow(clinical), byWeight);
    // The designation first, then the clinical facts by weight: the warning names "who" before "what".
    let room = MAX_CLUSTER_FINDINGS;
    for (const list of [personsNear.length ? [personsNear[0]!] : [], clinicalNear, personsNear]) {
      for (let i = list === personsNear ? 1 : 0; i < list.length && room > 0; i++, room--) findings.push(list[i]!);
    }
  }
  return { score: round(score), signals: findings.slice(0, MAX_FINDINGS) };
}
