import type { WebmailProvider } from '../types';
import { yahooSelectors } from './selectors';
import { YahooComposeSession } from './yahoo-compose-session';

export const yahoo: WebmailProvider = {
  id: 'yahoo',
  name: 'Yahoo Mail',
  kind: 'consumer',
  hosts: ['mail.yahoo.com', '*.mail.yahoo.com'],
  consumerHosts: { 'mail.yahoo.com': 'yahoo.com', '*.mail.yahoo.com': 'yahoo.com' },
  selectors: yahooSelectors,
  createSession: (root, selectors) => new YahooComposeSession(root, selectors),
};
