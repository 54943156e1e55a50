// The registry of `vigie` commands: one file per command, one line here.
import type { CliCommand } from '../io';
import { checkCommand } from './check';
import { whitelistCommand } from './whitelist';
import { demoCommand } from './demo';
import { configCommand } from './config';
import { xdmCommand } from './xdm';
import { scanCommand } from './scan';
import { directoryCommand } from './directory';
import { serveCommand } from './serve';

export const commands: CliCommand[] = [checkCommand, whitelistCommand, demoCommand, configCommand, xdmCommand, scanCommand, directoryCommand, serveCommand];
