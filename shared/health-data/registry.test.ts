import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectors } from './registry';

describe('detector registry', () => {
  it('lists every detector file of detectors/ exactly once, with unique ids', () => {
    const files = readdirSync(join(__dirname, 'detectors')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const ids = detectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
  });
});
