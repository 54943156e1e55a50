// Each host's document flow against the same contract: Outlook (office-js item), Thunderbird (compose API).
import { documentDeliveryContract, type DeliveryEvent } from './document-delivery';
import { OfficeComposeActions, type OfficeWritableItem } from '../../addin/office/office-compose-actions';
import { ThunderbirdComposeSession } from '../../extension/thunderbird/compose-session';
import { FakeThunderbird } from '../../extension/thunderbird/testing/fake-thunderbird';

documentDeliveryContract('outlook', ({ refuseSubject }) => {
  const events: DeliveryEvent[] = [];
  type Cb = (r: { status: string; error?: { message: string } }) => void;
  const done = (cb: Cb, ok = true) => setTimeout(() => cb(ok ? { status: 'succeeded' } : { status: 'failed', error: { message: 'refused' } }), 0);
  const item: OfficeWritableItem = {
    subject: { setAsync: (value, cb) => (refuseSubject ? done(cb, false) : (events.push({ kind: 'subject', value }), done(cb))) },
    internetHeaders: {
      setAsync: (headers, cb) => (Object.entries(headers).forEach(([name, value]) => events.push({ kind: 'header', name, value })), done(cb)),
    },
    addFileAttachmentFromBase64Async: (_b64, name, cb) => (events.push({ kind: 'attach', name }), done(cb)),
  };
  const actions = new OfficeComposeActions(item);
  return { deliver: (files, meta) => actions.deliverDocuments(files, meta), events: () => events };
});

documentDeliveryContract('thunderbird', ({ refuseSubject }) => {
  const fake = new FakeThunderbird();
  const tab = fake.openCompose({ to: ['dr.durand@medecin.mssante.fr'], subject: '' });
  const events: DeliveryEvent[] = [];
  const api = fake.api;
  const setDetails = api.compose.setComposeDetails;
  api.compose.setComposeDetails = async (tabId, details) => {
    if (refuseSubject && details.subject) throw new Error('refused');
    if (details.subject) events.push({ kind: 'subject', value: details.subject });
    for (const h of details.customHeaders ?? []) events.push({ kind: 'header', name: h.name, value: h.value });
    if (details.returnReceipt) events.push({ kind: 'read-receipt' });
    return setDetails(tabId, details);
  };
  const add = api.compose.addAttachment;
  api.compose.addAttachment = async (tabId, a) => {
    events.push({ kind: 'attach', name: a.file.name });
    return add(tabId, a);
  };
  const session = new ThunderbirdComposeSession(api, tab);
  return { deliver: (files, meta) => session.attachDocuments(files, meta), events: () => events };
});
