// The audit report IT reads: counts over a period by verdict, reason, host and day, as JSON or CSV.

export interface AuditReport {
  from: string;
  to: string;
  total: number;
  /** Checks by verdict (in audit mode, the verdict the simulated mode would have given). */
  byVerdict: { allow: number; warn: number; block: number };
  /** Reason codes, most frequent first. */
  byReason: Record<string, number>;
  byHost: Record<string, number>;
  /** One entry per UTC day that has events, in order. */
  byDay: Array<{ day: string; allow: number; warn: number; block: number }>;
  /** Sends that went ahead despite a warning. */
  overrides: number;
}

export function emptyReport(from: Date, to: Date): AuditReport {
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total: 0,
    byVerdict: { allow: 0, warn: 0, block: 0 },
    byReason: {},
    byHost: {},
    byDay: [],
    overrides: 0,
  };
}

const cell = (v: string | number) => (typeof v === 'number' || /^[\w.@:-]*$/.test(v) ? String(v) : `"${v.replace(/"/g, '""')}"`);

/** One table a spreadsheet opens: `section,key,count` rows, then the days with one column per verdict. */
export function reportCsv(r: AuditReport): string {
  const lines = [['section', 'key', 'count'].join(',')];
  lines.push(['period', `${r.from}/${r.to}`, r.total].map(cell).join(','));
  lines.push(['total', '', r.total].map(cell).join(','));
  lines.push(['overrides', '', r.overrides].map(cell).join(','));
  for (const [k, n] of Object.entries(r.byVerdict)) lines.push(['verdict', k, n].map(cell).join(','));
  for (const [k, n] of Object.entries(r.byReason)) lines.push(['reason', k, n].map(cell).join(','));
  for (const [k, n] of Object.entries(r.byHost)) lines.push(['host', k, n].map(cell).join(','));
  lines.push('');
  lines.push(['day', 'allow', 'warn', 'block'].join(','));
  for (const d of r.byDay) lines.push([d.day, d.allow, d.warn, d.block].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
