// esbuild plugin for the size-bound Outlook event bundle: JSON data is shipped raw-deflated and base64-encoded, and
// inflated once when the script loads (the inflater is already in the bundle for the embedded liste blanche); JSON
// Schemas lose their documentation keys (description, title, examples), which only people read. As esbuild's own JSON
// loader does, the top-level keys are also named exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const DOC_KEYS = new Set(['description', 'title', 'examples', '$comment', 'markdownDescription']);

function stripDocs(node) {
  if (Array.isArray(node)) return node.map(stripDocs);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) if (!DOC_KEYS.has(k)) out[k] = stripDocs(v);
  return out;
}

export function compactJson(root) {
  const inflater = join(root, 'shared/whitelist/inflate-text.ts');
  return {
    name: 'compact-json',
    setup(build) {
      build.onLoad({ filter: /\.json$/ }, (args) => {
        let data = JSON.parse(readFileSync(args.path, 'utf8'));
        if (/\.schema\.json$/.test(args.path)) data = stripDocs(data);
        const text = JSON.stringify(data);
        const packed = deflateRawSync(Buffer.from(text), { level: 9 }).toString('base64');
        if (packed.length >= text.length) return { contents: text, loader: 'json' };
        const named =
          data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default') : [];
        const contents = [
          `import { inflateBase64Text } from ${JSON.stringify(inflater)};`,
          `const data = JSON.parse(inflateBase64Text(${JSON.stringify(packed)}));`,
          'export default data;',
          ...named.map((k) => `export const ${k} = data[${JSON.stringify(k)}];`),
        ].join('\n');
        return { contents, loader: 'js', resolveDir: root };
      });
    },
  };
}
