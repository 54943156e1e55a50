// The webmail extension's manifests from one base plus a small patch per target (JSON Merge Patch, RFC 7386), with
// the content-script hosts taken from the provider registry and Chrome's managed_schema generated from the
// organisation policy schema (plus the extension's own settings).

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);

/** RFC 7386: objects merge key by key, `null` deletes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return structuredClone(patch);
  const out: Obj = isObj(target) ? structuredClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

/** `mail.google.com` → `https://mail.google.com/*`; `*.mssante.fr` → `https://*.mssante.fr/*`. */
export function matchPattern(host: string): string {
  return `https://${host}/*`;
}

/**
 * One target's manifest: the base with the target's patch merged over it (keys starting with "//" are comments), the
 * version, and — for the webmail targets — the content-script hosts (the Thunderbird patch states its own permissions).
 */
export function renderManifest(base: Json, patch: Json, opts: { version: string; hosts?: string[] }): Obj {
  if (!/^\d+(\.\d+){0,3}$/.test(opts.version)) throw new Error(`manifest version must be 1 to 4 dot-separated integers: ${opts.version}`);
  const m = mergePatch(base, patch) as Obj;
  for (const k of Object.keys(m)) if (k.startsWith('//')) delete m[k];
  m.version = opts.version;
  if (opts.hosts) {
    const matches = [...new Set(opts.hosts.map(matchPattern))];
    m.host_permissions = matches;
    for (const cs of (m.content_scripts as Obj[] | undefined) ?? []) cs.matches = matches;
    for (const war of (m.web_accessible_resources as Obj[] | undefined) ?? []) war.matches = matches;
  }
  return m;
}

// Chrome's managed_schema accepts a subset of JSON Schema: a `type` on every node (or a `$ref` to an `id`), no
// `additionalProperties` at the top nor a boolean one anywhere, and it refuses to load the extension on anything it does not know.
const CHROME_KEYS = new Set(['type', 'description', 'title', 'properties', 'additionalProperties', 'items', 'enum', 'minimum', 'maximum', 'pattern']);

function chromeNode(node: Obj, defs: Obj): Obj {
  if (typeof node.$ref === 'string') {
    const target = defs[node.$ref.replace(/^#\/definitions\//, '')];
    if (!isObj(target)) throw new Error(`unresolved $ref ${node.$ref}`);
    return chromeNode({ ...target, ...(typeof node.description === 'string' ? { description: node.description } : {}) }, defs);
  }
  const out: Obj = {};
  for (const [k, v] of Object.entries(node)) {
    if (!CHROME_KEYS.has(k)) continue;
    // Chrome wants a schema there; `false` (no other keys) makes it refuse the extension.
    if (k === 'additionalProperties' && typeof v === 'boolean') continue;
    if (k === 'properties' && isObj(v)) out.properties = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, chromeNode(pv as Obj, defs)]));
    else if ((k === 'items' || k === 'additionalProperties') && isObj(v)) out[k] = chromeNode(v, defs);
    else out[k] = structuredClone(v);
  }
  if (!out.type) {
    const values = Array.isArray(node.enum) ? node.enum : [];
    const kinds = [...new Set(values.map((e) => (typeof e === 'number' ? (Number.isInteger(e) ? 'integer' : 'number') : typeof e)))];
    if (kinds.length !== 1) throw new Error(`cannot give a type to schema node ${JSON.stringify(node).slice(0, 80)}`);
    out.type = kinds[0]!;
  }
  // Chrome's range restrictions apply to integers only; on a number they make it refuse the schema.
  if (out.type !== 'integer') {
    delete out.minimum;
    delete out.maximum;
  }
  if (out.type === 'object' && !out.properties && !out.additionalProperties) out.properties = {};
  return out;
}

/** One top-level property per policy key (Chrome checks each on its own and drops only the invalid ones). */
export function managedSchema(...schemas: Obj[]): Obj {
  const properties: Obj = {};
  for (const s of schemas) {
    const defs = isObj(s.definitions) ? s.definitions : {};
    for (const [k, v] of Object.entries(isObj(s.properties) ? s.properties : {})) {
      if (k === '$schema') continue;
      if (k in properties) throw new Error(`setting ${k} is defined twice`);
      properties[k] = chromeNode(v as Obj, defs);
    }
  }
  return { type: 'object', properties };
}
