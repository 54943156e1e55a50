/**
 * @jest-environment jsdom
 */
// The task pane's « Envoyer quand même » form against a fake Office item that records sessionData and sendAsync.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { defaultPolicy } from '../../shared/config/policy';
import { OverrideReason, type OverrideItem } from './OverrideReason';

function fakeItem() {
  const data = new Map<string, string>();
  const sends: number[] = [];
  const item: OverrideItem = {
    sessionData: {
      getAsync: (k, cb) => setTimeout(() => cb(data.has(k) ? { status: 'succeeded', value: data.get(k)! } : { status: 'failed' }), 0),
      setAsync: (k, v, cb) => {
        data.set(k, v);
        setTimeout(() => cb?.({ status: 'succeeded' }), 0);
      },
      removeAsync: (k, cb) => {
        data.delete(k);
        setTimeout(() => cb?.({ status: 'succeeded' }), 0);
      },
    },
    sendAsync: (cb) => {
      sends.push(Date.now());
      setTimeout(() => cb({ status: 'succeeded' }), 0);
    },
  };
  return { item, data, sends };
}

const tick = () => act(() => new Promise<void>((r) => setTimeout(r, 5)));
const policy = defaultPolicy();

function mount(canSend: boolean) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const fake = fakeItem();
  act(() => render(<OverrideReason lang="fr" policy={policy} item={fake.item} canSend={canSend} />, root));
  const q = <T extends Element>(css: string) => root.querySelector<T>(css)!;
  const submit = async () => {
    await act(() => q<HTMLButtonElement>('button[type="submit"]').click());
    await tick();
  };
  return { ...fake, q, submit, root };
}

afterEach(() => document.body.replaceChildren());

describe('Outlook task pane: the reason to send anyway', () => {
  it('offers the policy’s reasons and a labelled 200-character field with the reminder', () => {
    const { root, q } = mount(true);
    expect([...root.querySelectorAll('input[type="radio"]')].map((r) => r.closest('label')!.textContent!.trim())).toEqual(
      policy.overrideReasons.map((r) => r.fr),
    );
    expect(q('legend').textContent).toBe('Pourquoi envoyer quand même\u202f?');
    const text = q<HTMLInputElement>('#vigie-reason-text');
    expect(text.maxLength).toBe(200);
    expect(q(`label[for="vigie-reason-text"]`).textContent).toMatch(/Autre motif/);
    expect(q('#vigie-reason-hint').textContent).toMatch(/N’y écrivez aucune donnée patient/);
  });

  it('nothing is sent without a valid reason; with one, the reason is left on the item and sendAsync is called once', async () => {
    const { q, submit, data, sends } = mount(true);
    await submit();
    expect(q('[role="alert"]').textContent).toBe('Choisissez un motif ou écrivez-le pour envoyer quand même.');
    expect(q('#vigie-reason-text').getAttribute('aria-invalid')).toBe('true');
    await act(() => {
      const text = q<HTMLInputElement>('#vigie-reason-text');
      text.value = 'patient 1 85 06 75 112 345';
      text.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await submit();
    expect(q('[role="alert"]').textContent).toMatch(/donnée personnelle/);
    expect([sends.length, data.size]).toEqual([0, 0]);
    // A ticked reason does not wash the typed patient data: still refused until the field is cleared.
    await act(() => q<HTMLInputElement>('input[type="radio"]').click());
    await submit();
    expect(sends).toHaveLength(0);
    await act(() => {
      const text = q<HTMLInputElement>('#vigie-reason-text');
      text.value = '';
      text.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await submit();
    expect(q('[role="alert"]').textContent).toBe('');
    expect(sends).toHaveLength(1);
    expect(JSON.parse(data.get('vigie.override')!)).toEqual({ at: expect.any(Number), reason: policy.overrideReasons[0]!.code });
  });

  it('where Mailbox 1.15 is missing, says so, keeps the reason and tells the user to click Send', async () => {
    const { q, submit, data, sends } = mount(false);
    expect(q('.vigie-hint').textContent).toMatch(/ne permet pas à Vigie d’envoyer le message \(Mailbox 1\.15\)/);
    await act(() => q<HTMLInputElement>('input[type="radio"]').click());
    await submit();
    expect(sends).toHaveLength(0);
    expect(data.has('vigie.override')).toBe(true);
    expect(q('[role="status"]').textContent).toBe('Motif enregistré. Cliquez maintenant sur Envoyer dans le message.');
  });
});
