// The last good server liste blanche, kept in the extension's storage.local (shared by the background and the
// content scripts, kept across restarts).
import type { ListStore, StoredList } from '../../shared/client/list-source';

export const SERVER_LIST_KEY = 'vigie.liste-blanche';

export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function storageListStore(area: KeyValueArea): ListStore {
  return {
    async get() {
      const v = (await area.get(SERVER_LIST_KEY))[SERVER_LIST_KEY] as StoredList | undefined;
      return v && typeof v === 'object' && Array.isArray(v.domains) ? v : undefined;
    },
    set: (list) => area.set({ [SERVER_LIST_KEY]: list }),
  };
}
