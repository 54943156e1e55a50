// Checks a setting's value against its JSON Schema node. Browsers' extension contexts forbid the code generation a
// JSON Schema compiler such as ajv relies on (MV3 content security policy), so the extension checks the small subset
// the policy schema uses here; conform.test.ts holds it to ajv's verdict on the same values.

export interface SchemaNode {
  type?: string;
  enum?: unknown[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  uniqueItems?: boolean;
  format?: string;
  $ref?: string;
  definitions?: Record<string, SchemaNode>;
}

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return !!v && typeof v === 'object' && !Array.isArray(v);
    default:
      return false;
  }
}

/** True when `value` satisfies `node` (resolving `#/definitions/…` against `root`). */
export function conforms(value: unknown, node: SchemaNode, root: SchemaNode): boolean {
  if (node.$ref) {
    const name = node.$ref.replace(/^#\/definitions\//, '');
    const target = root.definitions?.[name];
    return !!target && conforms(value, target, root);
  }
  if (node.enum && !node.enum.some((e) => e === value)) return false;
  if (node.type && !typeOk(node.type, value)) return false;
  if (typeof value === 'string') {
    if (node.minLength !== undefined && [...value].length < node.minLength) return false;
    if (node.maxLength !== undefined && [...value].length > node.maxLength) return false;
    if (node.pattern && !new RegExp(node.pattern, 'u').test(value)) return false;
    if (node.format === 'uri') {
      try {
        new URL(value);
      } catch {
        return false;
      }
    }
  }
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) return false;
    if (node.maximum !== undefined && value > node.maximum) return false;
    if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum) return false;
  }
  if (Array.isArray(value)) {
    if (node.items && !value.every((x) => conforms(x, node.items!, root))) return false;
    if (node.uniqueItems && new Set(value.map((x) => JSON.stringify(x))).size !== value.length) return false;
  }
  if (typeOk('object', value) && (node.properties || node.additionalProperties !== undefined)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const child = node.properties?.[k];
      if (child) {
        if (!conforms(v, child, root)) return false;
      } else if (node.additionalProperties === false) return false;
      else if (typeof node.additionalProperties === 'object' && !conforms(v, node.additionalProperties, root)) return false;
    }
  }
  return true;
}
