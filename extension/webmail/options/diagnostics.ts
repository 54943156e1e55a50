// What the content script could not find on a provider's page, kept for IT: the options page lists it (which part of
// which provider, on which host, when). Part names only: never page or message content.
import { getBrowser } from '../../browser-api';
import type { Part } from '../providers/types';

export const DIAGNOSTICS_KEY = 'vigie.webmail.missing';

export interface MissingReport {
  provider: string;
  host: string;
  parts: Part[];
  at: string;
}

export async function recordMissing(report: MissingReport): Promise<void> {
  const local = getBrowser().storage.local;
  const all = ((await local.get(DIAGNOSTICS_KEY))[DIAGNOSTICS_KEY] ?? {}) as Record<string, MissingReport>;
  const key = `${report.provider} ${report.host}`;
  if (all[key]?.parts.join() === report.parts.join()) return;
  if (report.parts.length) all[key] = report;
  else delete all[key];
  await local.set({ [DIAGNOSTICS_KEY]: all });
}

export async function readMissing(): Promise<MissingReport[]> {
  const v = (await getBrowser().storage.local.get(DIAGNOSTICS_KEY))[DIAGNOSTICS_KEY];
  return v && typeof v === 'object' ? Object.values(v as Record<string, MissingReport>) : [];
}
