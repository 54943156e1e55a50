export function mergePatch(target: unknown, patch: unknown): unknown;
export function renderManifest(root: string): Record<string, unknown>;
export function buildThunderbird(root: string): Promise<{ xpi: string; id: string; manifest: Record<string, unknown> }>;
