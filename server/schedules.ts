// Everything the server does on a clock, in one place: the first directory build and its rebuilds (a daily
// download, a configured file replaced in place, a file dropped in the watched folder), and the liste blanche
// refresh. Nothing here answers requests; stop() ends every timer, watcher and build under way.
import { existsSync, mkdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from './config';
import type { BuildJob } from './directory/build-worker';
import { downloadExtraction, newestExtraction } from './directory/extraction-files';
import type { DirectoryService } from './directory/service';
import type { ListeBlancheRefresher } from './refresh/liste-blanche';

/** The first directory build the configuration asks for (none when a watched folder is still empty). */
export function directoryJobOf(c: ServerConfig): BuildJob | undefined {
  const d = c.directory;
  if (d.source === 'synthetic') {
    return {
      kind: 'synthetic',
      count: d.syntheticCount,
      source: `synthetic:${d.syntheticCount}`,
      planted: [
        {
          type: 'PER',
          address: 'claire.lefevre@medecin.mssante.fr',
          rpps: '10001234567',
          civility: 'DR',
          familyName: 'LEFÈVRE',
          givenName: 'Claire',
          professionCode: '10',
          profession: 'Médecin',
          specialtyCode: 'SM04',
          specialty: 'Cardiologie et maladies vasculaires',
          service: '',
          organisation: '',
          postcode: '69003',
          city: 'Lyon',
          department: '69',
          structId: '',
          street: '',
        },
      ],
    };
  }
  if (d.source === 'file' && d.file) return { kind: 'file', path: d.file, source: `file:${d.file}` };
  if (d.source === 'file' && d.watchDir) {
    const newest = newestExtraction(d.watchDir);
    return newest ? { kind: 'file', path: newest.path, source: `file:${newest.path}` } : undefined;
  }
  return undefined;
}

const every = (ms: number, run: () => void): NodeJS.Timeout => {
  const t = setInterval(run, ms);
  t.unref();
  return t;
};

export class Schedules {
  private readonly timers: NodeJS.Timeout[] = [];
  private watcher: FSWatcher | undefined;
  private listTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly config: ServerConfig,
    private readonly directory: DirectoryService,
    private readonly refresher: ListeBlancheRefresher,
  ) {}

  /** Starts the first directory build and the rebuild schedules; resolves when the first build has ended (well or not). */
  startDirectory(firstJob: BuildJob | undefined): Promise<void> {
    const ready = firstJob ? this.directory.rebuild(firstJob) : Promise.resolve();
    const d = this.config.directory;
    if (d.source === 'url' && d.url) this.fromUrl(d.url, d.refreshMinutes);
    if (d.source === 'file' && d.file) this.fileReplaced(d.file);
    if (d.watchDir) this.watchFolder(d.watchDir);
    return ready;
  }

  /** Refreshes the liste blanche now, then `refreshMinutes` after each refresh ends (none without a URL). */
  startListeBlanche(): void {
    const { url, refreshMinutes } = this.config.listeBlanche;
    if (!url) return;
    const wait = refreshMinutes * 60_000;
    const next = () => {
      if (this.stopped) return;
      this.refresher.state.nextAt = new Date(Date.now() + wait).toISOString();
      this.listTimer = setTimeout(() => void this.refresher.refresh().finally(next), wait);
      this.listTimer.unref();
    };
    void this.refresher.refresh().finally(next);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.listTimer) clearTimeout(this.listTimer);
    delete this.refresher.state.nextAt;
    for (const t of this.timers) clearInterval(t);
    this.watcher?.close();
    await this.directory.close();
  }

  /** The extraction downloaded now and every `minutes`; a failed download falls back on the previous one. */
  private fromUrl(url: string, minutes: number): void {
    const folder = join(this.config.home, 'directory');
    const directory = this.directory;
    const run = async () => {
      try {
        const path = await downloadExtraction(url, folder);
        await directory.rebuild({ kind: 'file', path, source: `url:${new URL(url).host}` });
      } catch (e) {
        directory.state.lastError = { at: new Date().toISOString(), reason: `download failed: ${(e as Error).message}` };
        if (!directory.ready) {
          // A previous download is better than nothing.
          const prev = newestExtraction(folder);
          if (prev) await directory.rebuild({ kind: 'file', path: prev.path, source: `file:${prev.path}` });
        }
      }
    };
    void run();
    this.timers.push(every(minutes * 60_000, () => void run()));
  }

  /** The configured file replaced in place (a nightly copy): rebuilt once it has stopped changing. */
  private fileReplaced(file: string): void {
    const mtime = () => (existsSync(file) ? statSync(file).mtimeMs : 0);
    let seen = mtime();
    let candidate = 0;
    this.timers.push(
      every(30_000, () => {
        const m = mtime();
        if (m && m !== seen) {
          if (m === candidate) {
            seen = m;
            void this.directory.rebuild({ kind: 'file', path: file, source: `file:${file}` });
          } else candidate = m;
        }
      }),
    );
  }

  /** A newer `*.txt`/`*.zip` dropped in the folder: rebuilt from it. */
  private watchFolder(dir: string): void {
    mkdirSync(dir, { recursive: true });
    let seen = newestExtraction(dir)?.mtimeMs ?? 0;
    let debounce: NodeJS.Timeout | undefined;
    const check = () => {
      const newest = newestExtraction(dir);
      if (newest && newest.mtimeMs > seen) {
        seen = newest.mtimeMs;
        void this.directory.rebuild({ kind: 'file', path: newest.path, source: `file:${newest.path}` });
      }
    };
    this.watcher = watch(dir, () => {
      // A file being copied fires many events: act once it has been quiet for a second.
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(check, 1000);
    });
    this.timers.push(every(60_000, check));
  }
}
