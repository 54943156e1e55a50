#!/usr/bin/env node
import { main, processIO } from './main';

main(process.argv.slice(2), processIO).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`vigie: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
