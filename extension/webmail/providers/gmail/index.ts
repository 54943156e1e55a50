import type { WebmailProvider } from '../types';
import { gmailSelectors } from './selectors';
import { GmailComposeSession } from './gmail-compose-session';

export const gmail: WebmailProvider = {
  id: 'gmail',
  name: 'Gmail',
  kind: 'consumer',
  hosts: ['mail.google.com'],
  consumerHosts: { 'mail.google.com': 'gmail.com' },
  selectors: gmailSelectors,
  createSession: (root, selectors) => new GmailComposeSession(root, selectors),
};
