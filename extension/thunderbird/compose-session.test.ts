import { ThunderbirdComposeSession, vCardEmail } from './compose-session';
import { FakeThunderbird } from './testing/fake-thunderbird';

const team = {
  'Equipe cardio': [
    { name: 'Dr Paul Durand', email: 'paul.durand@chu-lyon.mssante.fr' },
    { name: 'Cousin', email: 'cousin@gmail.com' },
  ],
};

describe('ThunderbirdComposeSession.read', () => {
  it('takes the sender from the identity, the text body, and attachment names', async () => {
    const tb = new FakeThunderbird({ identities: [{ id: 'id1', name: 'Dr Claire Martin', email: 'claire.martin@medecin.mssante.fr' }] });
    const tab = tb.openCompose({ from: 'ignored@example.org', to: ['a@medecin.mssante.fr'], subject: 'CR', plainTextBody: 'Bonjour' }, ['cr.pdf']);
    const { draft } = await new ThunderbirdComposeSession(tb.api, tab).read();
    expect(draft).toMatchObject({
      from: '"Dr Claire Martin" <claire.martin@medecin.mssante.fr>',
      to: ['a@medecin.mssante.fr'],
      subject: 'CR',
      body: 'Bonjour',
      attachments: [{ name: 'cr.pdf', size: 1000 }],
    });
  });

  it('falls back to the From field when the identity cannot be read', async () => {
    const tb = new FakeThunderbird();
    const tab = tb.openCompose({ identityId: 'gone', from: 'Dr X <x@medecin.mssante.fr>', to: 'b@medecin.mssante.fr' });
    const { draft } = await new ThunderbirdComposeSession(tb.api, tab).read();
    expect(draft.from).toBe('Dr X <x@medecin.mssante.fr>');
    expect(draft.to).toEqual(['b@medecin.mssante.fr']);
  });

  it('expands a mailing-list pill with parseMailboxString (Thunderbird 147+)', async () => {
    const tb = new FakeThunderbird({ lists: team, parseMailboxString: true });
    const tab = tb.openCompose({ to: ['Equipe cardio <Equipe cardio>', 'x@medecin.mssante.fr'] });
    const r = await new ThunderbirdComposeSession(tb.api, tab).read();
    expect(r.draft.to).toEqual(['"Dr Paul Durand" <paul.durand@chu-lyon.mssante.fr>', '"Cousin" <cousin@gmail.com>', 'x@medecin.mssante.fr']);
    expect(r.expandedLists).toEqual([{ name: 'Equipe cardio', members: 2 }]);
    expect(r.distributionLists).toEqual([]);
  });

  it('expands it through the address books on Thunderbird 128 and 140 (no parseMailboxString)', async () => {
    const tb = new FakeThunderbird({ lists: team });
    const tab = tb.openCompose({ cc: ['Equipe cardio <Equipe cardio>'] });
    const r = await new ThunderbirdComposeSession(tb.api, tab).read();
    expect(r.draft.cc).toEqual(['"Dr Paul Durand" <paul.durand@chu-lyon.mssante.fr>', '"Cousin" <cousin@gmail.com>']);
  });

  it('resolves contact and mailing-list nodes (MV3 nodeId recipients)', async () => {
    const tb = new FakeThunderbird({ lists: team, contacts: { c1: { name: 'Dr Lefèvre', email: 'claire.lefevre@medecin.mssante.fr' } } });
    const tab = tb.openCompose({ to: [{ nodeId: 'c1', type: 'contact' }], bcc: [{ nodeId: 'list0', type: 'mailingList' }] });
    const r = await new ThunderbirdComposeSession(tb.api, tab).read();
    expect(r.draft.to).toEqual(['"Dr Lefèvre" <claire.lefevre@medecin.mssante.fr>']);
    expect(r.draft.bcc).toHaveLength(2);
  });

  it('reports a list it cannot expand as a distribution list (the core applies its rule) instead of dropping it', async () => {
    const tb = new FakeThunderbird();
    const tab = tb.openCompose({ to: ['Inconnue <Inconnue>'] });
    const r = await new ThunderbirdComposeSession(tb.api, tab).read();
    expect(r.draft.to).toEqual([]);
    expect(r.distributionLists).toEqual(['Inconnue']);
    expect(r.draft.distributionLists).toEqual(['Inconnue']);
  });

  it('uses the details onBeforeSend passes rather than reading the tab again', async () => {
    const tb = new FakeThunderbird();
    const tab = tb.openCompose({ to: ['old@medecin.mssante.fr'] });
    const r = await new ThunderbirdComposeSession(tb.api, tab).read({ identityId: 'id1', to: ['new@gmail.com'], subject: 's', plainTextBody: '' });
    expect(r.draft.to).toEqual(['new@gmail.com']);
  });
});

describe('ThunderbirdComposeSession writes', () => {
  it('adds a recipient after the existing ones, once', async () => {
    const tb = new FakeThunderbird();
    const tab = tb.openCompose({ to: ['a@medecin.mssante.fr'] });
    const s = new ThunderbirdComposeSession(tb.api, tab);
    await s.addRecipient('to', { address: 'claire.lefevre@medecin.mssante.fr', displayName: 'Dr Claire Lefèvre, "Cardio"' });
    await s.addRecipient('to', { address: 'CLAIRE.LEFEVRE@medecin.mssante.fr', displayName: 'again' });
    expect(tb.tab(tab).details.to).toEqual(['a@medecin.mssante.fr', '"Dr Claire Lefèvre, Cardio" <claire.lefevre@medecin.mssante.fr>']);
  });

  it('removes recipients by address from every field and leaves the others', async () => {
    const tb = new FakeThunderbird();
    const tab = tb.openCompose({ to: ['Jean <jean@gmail.com>', 'a@medecin.mssante.fr'], cc: ['JEAN@gmail.com'], bcc: ['b@medecin.mssante.fr'] });
    const n = await new ThunderbirdComposeSession(tb.api, tab).removeRecipients(['jean@gmail.com']);
    expect(n).toBe(2);
    expect(tb.tab(tab).details).toMatchObject({ to: ['a@medecin.mssante.fr'], cc: [], bcc: ['b@medecin.mssante.fr'] });
  });

  it('attaches documents and sets the subject and X-MSS headers, keeping other custom headers', async () => {
    const tb = new FakeThunderbird();
    const tab = tb.openCompose({
      subject: 'old',
      customHeaders: [
        { name: 'X-Other', value: '1' },
        { name: 'X-MSS-NIL', value: 'old' },
      ],
    });
    const s = new ThunderbirdComposeSession(tb.api, tab);
    await s.attachDocuments([{ name: 'IHE_XDM.ZIP', bytes: new Uint8Array([1, 2, 3]), contentType: 'application/zip' }], {
      subject: 'XDM/1.0/DDM+CR',
      headers: { 'X-MSS-NIL': 'REF' },
    });
    expect(tb.tab(tab).attachments.map((a) => [a.name, a.size, a.file.type])).toEqual([['IHE_XDM.ZIP', 3, 'application/zip']]);
    expect(tb.tab(tab).details.subject).toBe('XDM/1.0/DDM+CR');
    expect(tb.tab(tab).details.customHeaders).toEqual([
      { name: 'X-Other', value: '1' },
      { name: 'X-MSS-NIL', value: 'REF' },
    ]);
  });

  it('refuses a header Thunderbird would not send (not X-)', async () => {
    const tb = new FakeThunderbird();
    const tab = tb.openCompose({});
    await expect(new ThunderbirdComposeSession(tb.api, tab).attachDocuments([], { headers: { 'Disposition-Notification-To': '<a@b.fr>' } })).rejects.toThrow(
      /X- headers only/,
    );
  });
});

describe('vCardEmail', () => {
  it('reads the first EMAIL and FN, unfolded and unescaped', () => {
    expect(vCardEmail('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Durand\\, Paul\r\nEMAIL;TYPE=work:paul.du\r\n rand@chu-lyon.mssante.fr\r\nEND:VCARD')).toEqual({
      name: 'Durand, Paul',
      email: 'paul.durand@chu-lyon.mssante.fr',
    });
    expect(vCardEmail('BEGIN:VCARD\r\nFN:No mail\r\nEND:VCARD')).toBeUndefined();
  });
});
