import { createRouter, send, MessagingError, type Envelope } from './index';

describe('message router', () => {
  const router = createRouter({
    'compose/insert-recipient': ({ address }, sender) => ({ inserted: address.endsWith('.mssante.fr') && sender.tab?.id === 7 }),
    'compose/status': () => {
      throw new Error('compose area gone');
    },
  });
  const transport = (msg: Envelope) => router.handle(msg, { tab: { id: 7 } }) ?? Promise.resolve(undefined);

  it('routes a typed request to its handler and returns the typed reply', async () => {
    await expect(send(transport, 'compose/insert-recipient', { address: 'dr.b@medecin.mssante.fr', displayName: 'Dr B', field: 'to' })).resolves.toEqual({
      inserted: true,
    });
    await expect(send(transport, 'compose/insert-recipient', { address: 'x@gmail.com', displayName: 'X', field: 'cc' })).resolves.toEqual({ inserted: false });
  });

  it('leaves messages it does not handle, or malformed ones, to other listeners', () => {
    expect(router.handle({ type: 'compose/attach', payload: { files: [] } })).toBeUndefined();
    expect(router.handle({ type: 'compose/status' })).toBeUndefined();
    expect(router.handle('compose/status')).toBeUndefined();
    expect(router.handle(null)).toBeUndefined();
  });

  it('turns a handler error into a rejected send with its message, not a hang', async () => {
    await expect(send(transport, 'compose/status', {})).rejects.toThrow(new MessagingError('compose area gone'));
  });

  it('rejects when nobody answers', async () => {
    await expect(send(() => Promise.resolve(undefined), 'compose/status', {})).rejects.toThrow(/no answer to compose\/status/);
  });
});
