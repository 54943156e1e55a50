// The built `vigie` binary, as IT runs it after `npm ci && npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const bin = join(__dirname, '../dist/cli/vigie.cjs');

describe('dist/cli/vigie.cjs', () => {
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('dist/cli/vigie.cjs is missing: run `npm run build` first (npm test does)');
  });

  it('runs the check with its exit codes', () => {
    const r = spawnSync(process.execPath, [bin, 'check', '--from', 'm@medecin.mssante.fr', '--', 'a@pharmacien.mssante.fr', 'b@yahoo.fr'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(20);
    expect(JSON.parse(r.stdout).recipients[1].category).toBe('consumer');
  });

  it('prints its usage', () => {
    const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('vigie check');
  });
});
