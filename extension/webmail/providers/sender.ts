// The sending account as Vigie checks it. On a consumer webmail host every account is a consumer mailbox, so the
// sender is consumer by construction; the address read in the page only refines the message. Elsewhere (Microsoft
// 365, a Workspace domain) the address read decides; unread, the account is taken as "not MSSanté". MSSanté webmails
// must show it: the core fails safe without one.
import { domainMatches } from '../../../shared/config/domain-pattern';
import type { WebmailProvider } from './types';

export function senderFor(read: string, provider: WebmailProvider, host: string): string {
  if (read.includes('@')) return read;
  const consumer = Object.entries(provider.consumerHosts ?? {}).find(([pattern]) => domainMatches(host, [pattern]))?.[1];
  if (consumer) return `compte@${consumer}`;
  if (provider.kind === 'mssante') return read;
  return `compte@${host.toLowerCase()}`;
}
