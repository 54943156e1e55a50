// Retries an assertion until it holds or the time is up (UI and end-to-end tests); the last failure is reported.
export async function eventually(assertion: () => unknown | Promise<unknown>, timeoutMs = 10_000, stepMs = 100): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, stepMs));
    }
  }
}
