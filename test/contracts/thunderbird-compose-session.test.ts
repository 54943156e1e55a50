import { composeSessionContract } from './compose-session';
import { FakeThunderbird } from '../../extension/thunderbird/testing/fake-thunderbird';
import { ThunderbirdComposeSession } from '../../extension/thunderbird/compose-session';

const mailbox = (m: { address: string; name?: string }) => (m.name ? `"${m.name}" <${m.address}>` : m.address);

composeSessionContract('Thunderbird (ThunderbirdComposeSession)', (s) => {
  const tb = new FakeThunderbird({ identities: [{ id: 'id1', name: s.from.name ?? '', email: s.from.address }] });
  const tabId = tb.openCompose(
    { to: s.to.map(mailbox), cc: s.cc.map(mailbox), bcc: s.bcc.map(mailbox), subject: s.subject, plainTextBody: s.body },
    s.attachments,
  );
  return new ThunderbirdComposeSession(tb.api, tabId);
});
