// An independent check of the two Outlook manifests: Microsoft's own converter (office-addin-manifest-converter)
// turns our XML manifest into a unified manifest, and its events, actions and runtimes must agree with the unified
// manifest we render ourselves.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from 'office-addin-manifest-converter';
import { renderUnifiedManifest, renderXmlManifest, LAUNCH_EVENTS, type SendMode } from './render';

interface Runtime {
  id: string;
  code: { page: string; script?: string };
  lifetime?: string;
  actions?: { id: string; type: string }[];
}
interface Extension {
  runtimes: Runtime[];
  autoRunEvents: { events: { type: string; actionId: string; options?: { sendMode: string } }[] }[];
}
type Unified = { extensions: Extension[] };

const BASE = 'https://vigie.chu-exemple.fr';

async function converted(sendMode: SendMode): Promise<Unified> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-manifest-'));
  writeFileSync(join(dir, 'manifest.xml'), renderXmlManifest({ baseUrl: BASE, version: '1.2.3', sendMode }));
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await convert(join(dir, 'manifest.xml'), join(dir, 'out'), false);
  } finally {
    log.mockRestore();
  }
  return JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as Unified;
}

/** What must agree, without the ids and display details each tool names its own way. */
function essentials(m: Unified) {
  const ext = m.extensions[0]!;
  const events = ext.autoRunEvents.flatMap((a) => a.events.map((e) => ({ type: e.type, actionId: e.actionId, sendMode: e.options?.sendMode ?? null })));
  const runtimeOf = (actionId: string) => ext.runtimes.find((r) => r.actions?.some((a) => a.id === actionId));
  const eventRuntime = runtimeOf(LAUNCH_EVENTS[0].functionName)!;
  const taskpane = ext.runtimes.find((r) => r.code.page.endsWith('/taskpane.html') && r.actions?.some((a) => a.type === 'openPage'))!;
  return {
    events: events.sort((a, b) => a.type.localeCompare(b.type)),
    eventRuntime: {
      page: eventRuntime.code.page,
      script: eventRuntime.code.script,
      lifetime: eventRuntime.lifetime,
      actions: eventRuntime.actions!.map((a) => `${a.type}:${a.id}`).sort(),
    },
    taskpane: { page: taskpane.code.page, actionTypes: [...new Set(taskpane.actions!.map((a) => a.type))] },
  };
}

describe('our XML manifest through Microsoft’s converter', () => {
  it.each(['SoftBlock', 'Block'] as const)(
    'gives the events, actions and runtimes of our unified manifest (%s)',
    async (sendMode) => {
      const theirs = essentials(await converted(sendMode));
      const ours = essentials(renderUnifiedManifest({ baseUrl: BASE, version: '1.2.3', sendMode }) as unknown as Unified);
      expect(theirs).toEqual(ours);
      expect(theirs.events).toHaveLength(LAUNCH_EVENTS.length);
      expect(theirs.eventRuntime.script).toBe(`${BASE}/outlook/launch-event.js`);
    },
    60_000,
  );
});
