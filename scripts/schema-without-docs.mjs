// esbuild plugin for size-bound bundles (Outlook's event runtime): JSON Schemas are loaded without their
// documentation keys (description, title, examples), which only people read; validation keywords are kept as they are.
import { readFileSync } from 'node:fs';

const DOC_KEYS = new Set(['description', 'title', 'examples', '$comment', 'markdownDescription']);

function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) if (!DOC_KEYS.has(k)) out[k] = strip(v);
  return out;
}

export const schemaWithoutDocs = {
  name: 'schema-without-docs',
  setup(build) {
    build.onLoad({ filter: /\.schema\.json$/ }, (args) => ({ contents: JSON.stringify(strip(JSON.parse(readFileSync(args.path, 'utf8')))), loader: 'json' }));
  },
};
