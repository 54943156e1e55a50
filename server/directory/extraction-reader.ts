// The one reader of an extraction file, used by `vigie directory build` and by the server's build worker: the text
// itself, or the first .txt/.csv entry of the ANS ZIP inflated as it streams, handed on in decoded chunks. Nothing is
// held whole. A ZIP is kept within limits as it inflates, so a hostile one is refused in milliseconds with a clear
// reason instead of filling the memory: at most `maxBytes` of text, at most `maxRatio` inflated bytes per byte read,
// at most `maxEntries` entries. The compressed bytes go to fflate in small slices, so that one slice inflates to a
// bounded size and fflate's reader (which recurses once per entry it meets in a slice) keeps a shallow stack.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

export interface ExtractionLimits {
  /** Most bytes of text (inflated, or the plain file). The MSSanté extraction is a few hundred MB. */
  maxBytes: number;
  /** Most inflated bytes per byte of the ZIP read so far (text deflates ≈ 5–15 to 1; a bomb of zeros ≈ 1,000 to 1). */
  maxRatio: number;
  /** Most entries met in the ZIP (the ANS archive holds one). */
  maxEntries: number;
}

export const EXTRACTION_LIMITS: ExtractionLimits = { maxBytes: 2 * 1024 ** 3, maxRatio: 100, maxEntries: 1000 };

/** Compressed bytes handed to the inflater at a time: 4 KB of a bomb inflate to ≈ 4 MB at most. */
const SLICE = 4096;
/** Inflated bytes always allowed on top of the ratio (headers, a small first entry). */
const RATIO_SLACK = 1 << 20;

/** A file that cannot be an extraction (hostile or broken ZIP, too large); the message is French / English. */
export class ExtractionFileError extends Error {}

const mb = (n: number) => (n >= 1024 ** 2 ? `${Math.round(n / 1024 ** 2)} MB` : `${Math.ceil(n / 1024)} KB`);

/** True when the file starts with a ZIP local-file header. */
export function isZip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams the text of an extraction (`.txt`, or the first `.txt`/`.csv` inside a ZIP) to `onText` in decoded chunks.
 * Rejects with an ExtractionFileError past a limit, for a ZIP without text or a truncated one; errors thrown by
 * `onText` stop the read and are passed on.
 */
export async function readExtraction(
  file: string,
  onText: (text: string) => void,
  limits: ExtractionLimits = EXTRACTION_LIMITS,
): Promise<{ entry?: string; bytes: number }> {
  if (statSync(file).size > limits.maxBytes) throw tooBig(limits);
  if (!isZip(file)) return { bytes: await readText(file, onText, limits) };
  return readZip(file, onText, limits);
}

const tooBig = (limits: ExtractionLimits) =>
  new ExtractionFileError(`Fichier de plus de ${mb(limits.maxBytes)} : ce n’est pas une extraction. / File over ${mb(limits.maxBytes)}: not an extraction.`);

async function readText(file: string, onText: (text: string) => void, limits: ExtractionLimits): Promise<number> {
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    bytes += (chunk as Buffer).length;
    if (bytes > limits.maxBytes) throw tooBig(limits);
    onText(decoder.decode(chunk as Buffer, { stream: true }));
  }
  onText(decoder.decode());
  return bytes;
}

async function readZip(file: string, onText: (text: string) => void, limits: ExtractionLimits): Promise<{ entry?: string; bytes: number }> {
  const decoder = new TextDecoder('utf-8');
  let read = 0;
  let inflated = 0;
  let entries = 0;
  let picked: string | undefined;
  let done = false;
  let failure: unknown;
  const fail = (e: unknown, f?: UnzipFile) => {
    failure ??= e;
    f?.terminate();
  };
  /** Counts inflated bytes against the limits; false (and the read failed) when one is passed. */
  const within = (n: number, f: UnzipFile): boolean => {
    inflated += n;
    if (inflated > limits.maxBytes)
      fail(
        new ExtractionFileError(
          `Archive ZIP de plus de ${mb(limits.maxBytes)} une fois décompressée : refusée. / ZIP archive over ${mb(limits.maxBytes)} once inflated: refused.`,
        ),
        f,
      );
    else if (inflated > limits.maxRatio * read + RATIO_SLACK) fail(bomb(limits), f);
    return failure === undefined;
  };

  const unzip = new Unzip((f) => {
    if (failure !== undefined) return;
    if (++entries > limits.maxEntries)
      return fail(
        new ExtractionFileError(
          `Archive ZIP de plus de ${limits.maxEntries} fichiers : ce n’est pas une extraction. / ZIP archive with over ${limits.maxEntries} entries: not an extraction.`,
        ),
      );
    // Sizes the entry declares are checked first (they may lie: what inflates is counted below as well).
    if (f.originalSize !== undefined && f.size !== undefined) {
      if (f.originalSize > limits.maxBytes)
        return fail(
          new ExtractionFileError(
            `« ${f.name} » annonce ${mb(f.originalSize)} décompressés (limite ${mb(limits.maxBytes)}) : refusé. / "${f.name}" declares ${mb(f.originalSize)} inflated (limit ${mb(limits.maxBytes)}): refused.`,
          ),
        );
      if (f.originalSize > limits.maxRatio * f.size + RATIO_SLACK) return fail(bomb(limits));
    }
    // The ANS archive holds one `Extraction_Correspondance_MSSante_<date>.txt`: the first text entry is the extraction.
    const isText = !picked && /\.(txt|csv)$/i.test(f.name);
    if (isText) picked = f.name;
    f.ondata = (err, data, final) => {
      if (failure !== undefined) return;
      // An entry that cannot be inflated fails the read, whichever it is (fflate would keep its bytes otherwise).
      if (err)
        return fail(new ExtractionFileError(`Archive ZIP illisible (${f.name}) : ${err.message}. / Unreadable ZIP archive (${f.name}): ${err.message}.`), f);
      // Other entries are inflated only to be counted: fflate would otherwise keep their bytes.
      if (!within(data.length, f) || !isText) return;
      try {
        onText(decoder.decode(data, { stream: !final }));
      } catch (e) {
        return fail(e, f);
      }
      if (final) done = true;
    };
    f.start();
  });
  unzip.register(UnzipInflate);

  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      for (let at = 0; at < b.length && failure === undefined && !done; at += SLICE) {
        const slice = b.subarray(at, Math.min(at + SLICE, b.length));
        read += slice.length;
        unzip.push(slice);
      }
      if (failure !== undefined) throw failure;
      // The extraction has been read whole: what follows it in the archive does not matter.
      if (done) break;
    }
    if (!done) unzip.push(new Uint8Array(0), true);
  } catch (e) {
    throw failure ?? e;
  } finally {
    stream.destroy();
  }
  if (failure !== undefined) throw failure;
  if (!picked) throw new ExtractionFileError('Archive ZIP sans fichier .txt. / ZIP archive without a .txt file.');
  if (!done) throw new ExtractionFileError(`Archive ZIP tronquée (${picked}). / Truncated ZIP archive (${picked}).`);
  return { entry: picked, bytes: inflated };
}

function bomb(limits: ExtractionLimits): ExtractionFileError {
  return new ExtractionFileError(
    `Archive ZIP refusée : elle se décompresse à plus de ${limits.maxRatio} fois sa taille (bombe de décompression ?). / ZIP archive refused: it inflates to over ${limits.maxRatio} times its size (a decompression bomb?).`,
  );
}
