import type { WebmailProvider } from '../types';
import { genericMssanteSelectors } from './selectors';
import { GenericMssanteComposeSession } from './generic-mssante-compose-session';

export const genericMssante: WebmailProvider = {
  id: 'generic-mssante',
  name: 'MSSanté',
  kind: 'mssante',
  hosts: ['mailiz.mssante.fr', '*.mssante.fr'],
  selectors: genericMssanteSelectors,
  createSession: (root, selectors) => new GenericMssanteComposeSession(root, selectors),
};
