// The extensions' settings over browser storage: managed storage (IT policy) and the user's options, merged by the
// core's one rule (shared/client/settings).
import { effectiveSettings, userSettingsToSave, type EffectiveSettings } from '../../shared/client/settings';
import type { ExtensionStorage } from './index';

export async function loadSettings(storage: ExtensionStorage): Promise<EffectiveSettings> {
  const [managed, user] = await Promise.all([storage.managed().catch(() => ({})), storage.user().catch(() => ({}))]);
  return effectiveSettings(managed, user);
}

/** Saves the user's choices: locked keys dropped, a bad value refuses the whole save (nothing is half-saved). */
export async function saveUserSettings(
  storage: ExtensionStorage,
  values: Record<string, unknown>,
  locked: readonly string[],
): Promise<{ ok: true } | { ok: false; errors: { key: string; reason: string }[] }> {
  const r = userSettingsToSave(values, locked);
  if (!r.ok) return r;
  await storage.setUser(r.values);
  return { ok: true };
}
