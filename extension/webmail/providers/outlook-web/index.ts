import type { WebmailProvider } from '../types';
import { outlookWebSelectors } from './selectors';
import { OutlookWebComposeSession } from './outlook-web-compose-session';

export const outlookWeb: WebmailProvider = {
  id: 'outlook-web',
  name: 'Outlook',
  kind: 'consumer',
  hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'],
  // outlook.office.com serves Microsoft 365 accounts (any domain): read, never assumed.
  consumerHosts: { 'outlook.live.com': 'outlook.com' },
  selectors: outlookWebSelectors,
  createSession: (root, selectors) => new OutlookWebComposeSession(root, selectors),
};
