// Hosts only wire events to the core: no host imports another host. What two hosts share lives in shared/ (the core)
// or, for the two WebExtensions, in extension/browser-api and extension/messaging.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '../..');
const HOSTS = ['addin', 'extension/thunderbird', 'extension/webmail', 'server'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

const hostOf = (file: string): string | undefined => {
  const rel = relative(root, file).split('\\').join('/');
  return HOSTS.find((h) => rel === h || rel.startsWith(`${h}/`));
};

function crossings(): string[] {
  const out: string[] = [];
  for (const host of HOSTS) {
    for (const file of sources(join(root, host))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = hostOf(resolve(dirname(file), m[1]!));
        if (target && target !== host) out.push(`${relative(root, file)} → ${m[1]}`);
      }
    }
  }
  return out;
}

describe('hosts stay apart', () => {
  it('no host imports another host', () => {
    expect(crossings()).toEqual([]);
  });

  it('the check notices a crossing (Thunderbird reaching into the webmail folder)', () => {
    const file = join(root, 'extension/thunderbird/probe.ts');
    const target = hostOf(resolve(dirname(file), '../webmail/settings'));
    expect(target).toBe('extension/webmail');
  });
});
