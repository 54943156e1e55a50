// HL7 v3 TS values as CDA headers write them (`19790328`, `20210409094914.827+0100`): the calendar date as written,
// and the instant in UTC for XDS metadata (DTM, truncated to the precision the document gives).

export interface CdaTime {
  /** The value as written. */
  raw: string;
  /** `YYYYMMDD` as written (the local calendar date of the act, for file names). */
  date: string;
  /** `YYYY-MM-DD`. */
  isoDate: string;
  /** XDS DTM in UTC: `YYYYMMDD` for a date, `YYYYMMDDhhmmss` when the value has a time. */
  dtm: string;
  /** The instant (UTC; a value without offset is taken as UTC). */
  instant: Date;
}

const TS = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})?(\d{2})?(?:\.\d+)?)?([+-]\d{4})?$/;

/** Parses a TS value; null when it is not one (or names a day that does not exist). */
export function parseCdaTime(raw: string | undefined): CdaTime | null {
  const value = (raw ?? '').trim();
  const m = TS.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, tz] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return null;
  const date = `${y}${mo}${d}`;
  const isoDate = `${y}-${mo}-${d}`;
  if (h === undefined) return { raw: value, date, isoDate, dtm: date, instant: day };
  const offsetMin = tz ? (tz[0] === '-' ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3, 5))) : 0;
  const instant = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi ?? 0), Number(s ?? 0)) - offsetMin * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const dtm = `${instant.getUTCFullYear()}${p(instant.getUTCMonth() + 1)}${p(instant.getUTCDate())}${p(instant.getUTCHours())}${p(instant.getUTCMinutes())}${p(instant.getUTCSeconds())}`;
  return { raw: value, date, isoDate, dtm, instant };
}
