// scanText / scanDraft: run the detectors, score the signals, report masked findings. The detectors are given by the
// entry (index.ts: every detector of registry.ts; compact.ts: the ones Outlook's handler carries).
import type { AttachmentInfo, Draft, Finding, HealthDataReport } from '../model';
import { CLINICAL_CAP, combine, THRESHOLD } from './score';
import { TextContext } from './text-context';
import type { Detector, Signal } from './types';
import { maskClinical } from './mask';

function textSignals(detectors: readonly Detector[], text: string): Signal[] {
  if (!text) return [];
  const ctx = new TextContext(text);
  const out: Signal[] = [];
  const add = (signals: Signal[]) => {
    for (const s of signals) out.push(s);
  };
  for (const d of detectors) if (d.target === 'text' && !d.evidence) add(d.detect(ctx));
  // Clinical evidence matters only with someone it could make health data of (a person weighty enough to reach the
  // threshold with the most evidence a cluster counts), or a bare number to confirm as a NIR. A roster of doctors'
  // names or a protocol's generic "patient" never can: its clinical words are not even looked at.
  const needed = out.some((s) => (s.role === 'person' && s.weight * CLINICAL_CAP >= THRESHOLD) || s.needsContext);
  if (needed) for (const d of detectors) if (d.target === 'text' && d.evidence === 'clinical') add(d.detect(ctx));
  return out;
}

function attachmentSignals(detectors: readonly Detector[], attachments: readonly AttachmentInfo[]): Signal[] {
  let out: Signal[] = [];
  attachments.forEach((a, i) => {
    for (const d of detectors) if (d.target === 'attachment') out = out.concat(d.detect(a, i));
  });
  return out;
}

/** The text's signals (a fresh list) with the attachments' added. */
function withAttachments(signals: Signal[], attachments: Signal[]): Signal[] {
  for (const a of attachments) signals.push(a);
  return signals;
}

/** A finding for the user: offsets in its own field, the excerpt masked (clinical words kept, numbers hidden). */
function toFinding(s: Signal, text: string, source: Finding['source'], shift = 0): Finding {
  const excerpt = s.excerpt ?? maskClinical(text.slice(s.start, s.end));
  return { kind: s.kind, source, start: s.start - shift, end: s.end - shift, excerpt, weight: s.weight, label: s.label };
}

function report(score: number, findings: Finding[]): HealthDataReport {
  return { containsHealthData: score >= THRESHOLD, findings, score };
}

export interface Scanner {
  /** Scans one text (a message body, a document). Offsets of findings are in `text`. */
  scanText(text: string, attachments?: readonly AttachmentInfo[]): HealthDataReport;
  /**
   * Scans a draft: subject and body are read as one text (a name in the subject and a diagnosis in the body belong
   * together), each finding placed back in its own field; attachment names and types are read too.
   */
  scanDraft(draft: Pick<Draft, 'subject' | 'body' | 'attachments'>): HealthDataReport;
}

/** scanText and scanDraft running the given detectors. */
export function createScanner(detectors: readonly Detector[]): Scanner {
  return { scanText: (text, attachments) => scanText(detectors, text, attachments), scanDraft: (draft) => scanDraft(detectors, draft) };
}

function scanText(detectors: readonly Detector[], text: string, attachments: readonly AttachmentInfo[] = []): HealthDataReport {
  const fromAttachments = attachmentSignals(detectors, attachments);
  const { score, signals } = combine(withAttachments(textSignals(detectors, text), fromAttachments));
  return report(
    score,
    signals.map((s) => toFinding(s, text, s.role === 'attachment' ? 'attachment' : 'body')),
  );
}

function scanDraft(detectors: readonly Detector[], draft: Pick<Draft, 'subject' | 'body' | 'attachments'>): HealthDataReport {
  const subject = typeof draft.subject === 'string' ? draft.subject : '';
  const body = typeof draft.body === 'string' ? draft.body : '';
  const separator = '\n\n';
  const bodyOffset = subject.length + separator.length;
  // Joined into one flat string (read about twice as fast as a concatenation of the two).
  const text = subject ? [subject, separator, body].join('') : body;
  const shift = subject ? bodyOffset : 0;
  const fromAttachments = attachmentSignals(detectors, Array.isArray(draft.attachments) ? draft.attachments : []);
  const { score, signals } = combine(withAttachments(textSignals(detectors, text), fromAttachments));
  const findings = signals.map((s) => {
    if (s.role === 'attachment') return toFinding(s, text, 'attachment');
    if (subject && s.start < subject.length) return { ...toFinding(s, text, 'subject'), end: Math.min(s.end, subject.length) };
    return toFinding(s, text, 'body', shift);
  });
  return report(score, findings);
}
