// A time limit on a promise that does not rely on the callee honouring an abort signal (a stuck Office call, a fetch
// that a runtime never settles).

export class BudgetExceeded extends Error {}

/** Resolves with `p`, or rejects with BudgetExceeded once `ms` have passed (the late result is dropped). */
export function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new BudgetExceeded(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
