// vigie directory build|search|suggest|generate: the Annuaire Santé extraction as a local index on disk.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readExtraction } from '../../server/directory/extraction-reader';
import type { CliCommand, CliIO } from '../io';
import { EXIT, UsageError } from '../io';
import { DirectoryIndex, DirectoryIndexBuilder, type IndexParts } from '../../shared/directory/directory-index';
import { ExtractionParser, type ExtractionReport } from '../../shared/directory/extraction';
import { suggest } from '../../shared/directory/suggest';
import { syntheticExtraction } from '../../shared/directory/synthetic';

const ARRAY_TYPES = {
  type: Uint8Array,
  profession: Uint16Array,
  department: Uint16Array,
  tokenLen: Uint8Array,
  tokenKinds: Uint8Array,
  postOff: Uint32Array,
  postMid: Uint32Array,
  postings: Uint32Array,
  docOff: Uint32Array,
  docTok: Uint32Array,
  addrTable: Float64Array,
  rppsTable: Float64Array,
  domainOff: Uint32Array,
  domainDocs: Uint32Array,
} as const;
type ArrayName = keyof typeof ARRAY_TYPES;

// The extraction is read by the one reader the server's build worker uses too (limits against hostile ZIPs included).
export { readExtraction };

/** Reads an extraction and builds the index; nothing is written. */
export async function buildFromExtraction(file: string): Promise<{ index: DirectoryIndex; report: ExtractionReport; entry?: string; seconds: number }> {
  const started = performance.now();
  let builder: DirectoryIndexBuilder | null = new DirectoryIndexBuilder();
  let parser: ExtractionParser | null = new ExtractionParser((row) => builder!.add(row));
  const { entry } = await readExtraction(file, (t) => parser!.push(t));
  const report = parser.end();
  const index = builder.build({ source: entry ?? basename(file) });
  // The builder's working maps hold pieces of the input text: let them go with it.
  builder = null;
  parser = null;
  return { index, report, ...(entry ? { entry } : {}), seconds: (performance.now() - started) / 1000 };
}

/**
 * Writes an index to `dir`. The new index is written beside the old one and swapped in at the end, so a
 * failure halfway leaves the previous index intact.
 */
export function saveIndex(index: DirectoryIndex, dir: string): void {
  const parts = index.toParts();
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const arrays: Record<string, { type: string; length: number }> = {};
  for (const name of Object.keys(ARRAY_TYPES) as ArrayName[]) {
    const arr = parts.arrays[name];
    writeFileSync(join(tmp, `${name}.bin`), new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
    arrays[name] = { type: arr.constructor.name, length: arr.length };
  }
  writeFileSync(join(tmp, 'records.txt'), parts.records);
  writeFileSync(join(tmp, 'tokens.txt'), parts.tokens);
  writeFileSync(join(tmp, 'index.json'), JSON.stringify({ ...parts.meta, arrays }, null, 1));
  const old = `${dir}.old-${process.pid}`;
  if (existsSync(dir)) renameSync(dir, old);
  mkdirSync(dirname(resolve(dir)), { recursive: true });
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
}

/** Loads an index written by `saveIndex`. */
export function loadIndex(dir: string): DirectoryIndex {
  const metaFile = join(dir, 'index.json');
  if (!existsSync(metaFile)) throw new Error(`Pas d’index dans ${dir} (lancez « vigie directory build »). / No index in ${dir} (run "vigie directory build").`);
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as IndexParts['meta'] & { arrays: Record<string, { length: number }> };
  const arrays = {} as Record<ArrayName, unknown>;
  for (const name of Object.keys(ARRAY_TYPES) as ArrayName[]) {
    const Ctor = ARRAY_TYPES[name];
    const buf = readFileSync(join(dir, `${name}.bin`));
    const expected = meta.arrays[name]?.length ?? -1;
    if (buf.byteLength !== expected * Ctor.BYTES_PER_ELEMENT) throw new Error(`Index abîmé (${name}.bin). / Damaged index (${name}.bin).`);
    // Copy into a fresh, aligned buffer.
    const copy = new Uint8Array(buf.byteLength);
    copy.set(buf);
    arrays[name] = new Ctor(copy.buffer, 0, expected);
  }
  return DirectoryIndex.fromParts({
    meta,
    records: readFileSync(join(dir, 'records.txt'), 'utf8'),
    tokens: readFileSync(join(dir, 'tokens.txt'), 'utf8'),
    arrays: arrays as IndexParts['arrays'],
  });
}

function parse(rest: string[], options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>) {
  try {
    return parseArgs({ args: rest, allowPositionals: true, options });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

async function build(rest: string[], io: CliIO): Promise<number> {
  const { values } = parse(rest, { extraction: { type: 'string' }, out: { type: 'string' } });
  const extraction = str(values.extraction);
  const out = str(values.out);
  if (!extraction || !out) throw new UsageError('--extraction <file> and --out <dir> are required');
  const file = resolve(io.cwd, extraction);
  if (!existsSync(file)) throw new Error(`Fichier introuvable : ${file} / File not found: ${file}`);
  const { index, report, seconds } = await buildFromExtraction(file);
  const dir = resolve(io.cwd, out);
  saveIndex(index, dir);
  const info = index.info;
  const result = {
    entries: info.entries,
    rows: report.rows,
    badLines: report.badLines,
    badByReason: report.badByReason,
    firstBadLines: report.bad.slice(0, 10),
    duplicates: info.duplicates,
    words: info.words,
    seconds: Math.round(seconds * 100) / 100,
    out: dir,
  };
  io.stdout(JSON.stringify(result));
  io.stderr(
    `Index construit : ${info.entries} boîtes, ${report.badLines} lignes ignorées, ${info.duplicates} doublons, ${result.seconds} s → ${dir}\n` +
      `Index built: ${info.entries} mailboxes, ${report.badLines} lines skipped, ${info.duplicates} duplicates, ${result.seconds} s → ${dir}`,
  );
  return EXIT.ok;
}

const LISTED = [
  'address',
  'type',
  'displayName',
  'profession',
  'specialty',
  'organisation',
  'service',
  'city',
  'postcode',
  'department',
  'rpps',
  'civility',
  'familyName',
  'givenName',
] as const;

function shown(e: Record<string, string | undefined>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const k of LISTED) out[k] = e[k] ?? null;
  return out;
}

async function search(rest: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(rest, {
    index: { type: 'string' },
    limit: { type: 'string' },
    queries: { type: 'string' },
    type: { type: 'string' },
    profession: { type: 'string' },
    department: { type: 'string' },
  });
  const dir = str(values.index);
  if (!dir) throw new UsageError('--index <dir> is required');
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit must be an integer from 1 to 500');
  const queriesFile = str(values.queries);
  if (!queriesFile && !positionals.length) throw new UsageError('give query words, or --queries <file>');
  const index = loadIndex(resolve(io.cwd, dir));
  const opts = {
    limit,
    ...(str(values.type) ? { type: str(values.type) } : {}),
    ...(str(values.profession) ? { profession: str(values.profession) } : {}),
    ...(str(values.department) ? { department: str(values.department) } : {}),
  };
  if (queriesFile) {
    const lines = readFileSync(resolve(io.cwd, queriesFile), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim());
    const outLines: string[] = [];
    for (const query of lines) {
      const t0 = performance.now();
      const { results, didYouMean } = index.searchWithHints(query, opts);
      const ms = performance.now() - t0;
      outLines.push(
        JSON.stringify({
          query,
          results: results.map((r) => shown(r.entry as unknown as Record<string, string>)),
          ms: Math.round(ms * 1000) / 1000,
          ...(didYouMean.length ? { didYouMean } : {}),
        }),
      );
    }
    io.stdout(outLines.join('\n'));
    return EXIT.ok;
  }
  const { results, didYouMean } = index.searchWithHints(positionals.join(' '), opts);
  io.stdout(
    JSON.stringify(
      results.map((r) => ({ ...shown(r.entry as unknown as Record<string, string>), match: r.match, score: r.score })),
      null,
      2,
    ),
  );
  if (didYouMean.length) {
    io.stderr(
      `Aucune boîte trouvée. Vouliez-vous dire ${didYouMean.map((q) => `«\u00a0${q}\u00a0»`).join(' ou ')}\u202f?\n` +
        `Nothing found. Did you mean ${didYouMean.map((q) => `"${q}"`).join(' or ')}?`,
    );
  }
  return EXIT.ok;
}

async function suggestCmd(rest: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(rest, { index: { type: 'string' }, limit: { type: 'string' } });
  const dir = str(values.index);
  if (!dir || positionals.length !== 1) throw new UsageError('--index <dir> and exactly one address are required');
  const index = loadIndex(resolve(io.cwd, dir));
  const r = suggest(index, positionals[0]!, values.limit ? { limit: Number(values.limit) } : {});
  io.stdout(JSON.stringify(r, null, 2));
  return EXIT.ok;
}

async function generate(rest: string[], io: CliIO): Promise<number> {
  const { values } = parse(rest, { count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } });
  const out = str(values.out);
  if (!out) throw new UsageError('--out <file.txt> is required');
  const count = Number(values.count ?? '1000');
  const seed = Number(values.seed ?? '1');
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) throw new UsageError('--count and --seed must be integers');
  const file = resolve(io.cwd, out);
  mkdirSync(dirname(file), { recursive: true });
  const stream = createWriteStream(file);
  for (const chunk of syntheticExtraction({ count, seed })) {
    if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', () => r()));
  }
  await new Promise<void>((r, j) => stream.end((e?: Error | null) => (e ? j(e) : r())));
  io.stdout(JSON.stringify({ file, count, seed }));
  return EXIT.ok;
}

export const directoryCommand: CliCommand = {
  name: 'directory',
  summary:
    'Annuaire Santé: build a local index from the MSSanté extraction (.txt or .zip), search it (JSON), suggest close addresses; generate writes a synthetic extraction.',
  usage:
    'vigie directory build --extraction <file.txt|.zip> --out <dir> | search --index <dir> [--limit N] [--type PER|ORG] [--profession P] [--department D] (<words>... | --queries <file>) | suggest --index <dir> <address> | generate --count N [--seed S] --out <file.txt>',
  async run(args: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'build':
        return build(rest, io);
      case 'search':
        return search(rest, io);
      case 'suggest':
        return suggestCmd(rest, io);
      case 'generate':
        return generate(rest, io);
      default:
        throw new UsageError(`unknown subcommand "${sub ?? ''}"`);
    }
  },
};
