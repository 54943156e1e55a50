// Every key of the org policy, read from its JSON Schema: the one list the host policy templates (Chrome/Edge managed
// storage, Firefox and Thunderbird 3rdparty, ADMX/ADML) and the documentation table are generated from.
import schema from './policy.schema.json';
import labelsFr from './policy-labels.fr.json';

export type PolicyKeyType = 'enum' | 'string' | 'integer' | 'number' | 'boolean' | 'string-list' | 'map' | 'json-list';

export interface PolicyKey {
  /** Path in the policy document, e.g. `healthData.consumerSender`. */
  path: string;
  type: PolicyKeyType;
  enum?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  description: { fr: string; en: string };
}

interface Node {
  type?: string;
  enum?: string[];
  default?: unknown;
  description?: string;
  properties?: Record<string, Node>;
  items?: Node | { $ref: string };
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  additionalProperties?: unknown;
}

const fr = labelsFr as Record<string, string>;

function typeOf(node: Node): PolicyKeyType {
  if (node.enum) return 'enum';
  if (node.type === 'array') return (node.items as Node | undefined)?.type === 'object' ? 'json-list' : 'string-list';
  if (node.type === 'object') return 'map';
  if (node.type === 'integer' || node.type === 'number' || node.type === 'boolean' || node.type === 'string') return node.type;
  throw new Error(`policy schema: unsupported node type ${JSON.stringify(node.type)}`);
}

export function policyKeys(): PolicyKey[] {
  const out: PolicyKey[] = [];
  const walk = (props: Record<string, Node>, prefix: string) => {
    for (const [name, node] of Object.entries(props)) {
      if (name === '$schema') continue;
      const path = prefix + name;
      if (node.type === 'object' && node.properties) {
        walk(node.properties, `${path}.`);
        continue;
      }
      const key: PolicyKey = { path, type: typeOf(node), description: { fr: fr[path] ?? node.description ?? path, en: node.description ?? path } };
      if (node.enum) key.enum = node.enum;
      if (node.default !== undefined) key.default = node.default;
      const min = node.minimum ?? node.exclusiveMinimum;
      if (min !== undefined) key.minimum = min;
      if (node.maximum !== undefined) key.maximum = node.maximum;
      out.push(key);
    }
  };
  walk((schema as unknown as Node).properties ?? {}, '');
  return out;
}

/** Keys that have no French label yet (a test keeps this empty). */
export function keysWithoutFrench(): string[] {
  return policyKeys()
    .map((k) => k.path)
    .filter((p) => !fr[p]);
}
