// Where the shipped data (liste blanche snapshot, IGC-Santé certificates) lives, from source or from a bundle.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function dataDir(): string {
  const fromEnv = process.env.VIGIE_DATA_DIR;
  if (fromEnv && existsSync(join(fromEnv, 'igc-sante', 'ACR-EL.pem'))) return resolve(fromEnv);
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'data', 'igc-sante', 'ACR-EL.pem'))) return join(dir, 'data');
    dir = dirname(dir);
  }
  throw new Error('Vigie data folder not found (data/igc-sante); set VIGIE_DATA_DIR');
}

export const trustAnchorDir = () => join(dataDir(), 'igc-sante');
