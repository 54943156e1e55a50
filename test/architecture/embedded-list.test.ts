// The compact liste blanche inside every bundle is exactly what the verified XML gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { renderEmbeddedList, GENERATED_FILE } from '../../scripts/generate-embedded-list';
import { embeddedDomainSet } from '../../shared/whitelist/embedded';
import { decodeCompact, encodeCompact } from '../../shared/whitelist/domain-set';

const root = join(__dirname, '../..');

describe('embedded liste blanche', () => {
  it('is up to date with the shipped, verified XML', () => {
    expect(readFileSync(join(root, GENERATED_FILE), 'utf8')).toBe(renderEmbeddedList(root));
  });

  it('holds the 4,944 domains, round-trips, and stays under 60 KB gzipped', () => {
    const set = embeddedDomainSet();
    expect(set.size).toBe(4944);
    expect(set.has('mssante.apicrypt.org')).toBe(true);
    expect(set.has('medecin.mssante.fr')).toBe(true);
    expect(set.has('mssante.fr')).toBe(false);
    const compact = encodeCompact(set);
    expect(decodeCompact(compact).domains).toEqual(set.domains);
    expect(gzipSync(compact, { level: 9 }).length).toBeLessThan(60 * 1024);
  });

  it('refuses a compact text whose count does not match', () => {
    const compact = encodeCompact(embeddedDomainSet());
    expect(() => decodeCompact(compact.split('\n').slice(0, -1).join('\n'))).toThrow(/header says/);
  });
});
