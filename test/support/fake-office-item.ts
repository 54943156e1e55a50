// A fake Outlook compose item (the office-js surface Vigie uses), holding a compose scenario.
import type { ComposeScenario } from '../contracts/compose-session';
import type { OfficeComposeItem } from '../../addin/office/office-compose-session';

type Person = { address: string; name?: string };
const details = (p: Person) => ({ emailAddress: p.address, displayName: p.name ?? p.address, recipientType: 'externalUser' });

export function fakeOfficeItem(s: ComposeScenario): OfficeComposeItem {
  const fields = { to: s.to.map(details), cc: s.cc.map(details), bcc: s.bcc.map(details) };
  const ok =
    <T>(value: T) =>
    (cb: (r: { status: string; value: T }) => void) =>
      setTimeout(() => cb({ status: 'succeeded', value }), 0);
  const recipients = (name: keyof typeof fields) => ({
    getAsync: (cb: (r: { status: string; value: unknown }) => void) => ok([...fields[name]])(cb),
    addAsync: (add: { emailAddress: string; displayName: string }[], cb: (r: { status: string; value: unknown }) => void) => {
      fields[name].push(...add.map((a) => ({ ...a, recipientType: 'externalUser' })));
      ok(undefined)(cb);
    },
  });
  const item = {
    from: { getAsync: ok(details(s.from)) },
    to: recipients('to'),
    cc: recipients('cc'),
    bcc: recipients('bcc'),
    subject: { getAsync: ok(s.subject) },
    body: { getAsync: (_coercion: string, cb: (r: { status: string; value: string }) => void) => ok(s.body)(cb) },
    getAttachmentsAsync: ok(s.attachments.map((name) => ({ name, size: 1000 }))),
  };
  return item as unknown as OfficeComposeItem;
}
