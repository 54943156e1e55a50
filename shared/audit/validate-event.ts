// Checks audit events received by the companion server: exact shape, bounded sizes, nothing that could carry
// message content (a field that is not in the schema is refused, not ignored).
import Ajv, { type ErrorObject } from 'ajv';
import { OVERRIDE_REASON_MAX, type AuditEvent } from './event';

/** Events one request may carry. */
export const MAX_EVENTS_PER_POST = 50;

const verdict = { enum: ['allow', 'warn', 'block'] };
const domain = { type: 'string', minLength: 1, maxLength: 253, pattern: '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$' };
export const auditEventSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['time', 'host', 'mode', 'verdict', 'reasons', 'sender', 'recipientDomains'],
  properties: {
    time: { type: 'string', maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})$' },
    host: { enum: ['outlook', 'thunderbird', 'webmail', 'cli'] },
    mode: { enum: ['block', 'warn', 'audit'] },
    verdict,
    auditVerdict: verdict,
    reasons: { type: 'array', maxItems: 20, uniqueItems: true, items: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{0,63}$' } },
    // A mailbox, or empty when the sender could not be read.
    sender: { type: 'string', maxLength: 254, pattern: '^([^\\s@<>",;]{1,64}@[a-z0-9.-]{1,253})?$' },
    recipientDomains: { type: 'array', maxItems: 100, uniqueItems: true, items: domain },
    outcome: { enum: ['sent', 'stopped', 'overridden', 'cancelled'] },
    overrideReason: { type: 'string', minLength: 1, maxLength: OVERRIDE_REASON_MAX },
  },
} as const;

export type EventValidation = { ok: true; events: AuditEvent[] } | { ok: false; errors: string[] };

let compiled: ReturnType<Ajv['compile']> | undefined;

function describe(e: ErrorObject, index: number): string {
  const path = `/events/${index}${e.instancePath}`;
  if (e.keyword === 'additionalProperties') return `${path}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  return `${path}: ${e.message ?? e.keyword}`;
}

/** Validates `{events: [...]}`; the time must be a real date. */
export function validateAuditEvents(input: unknown): EventValidation {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(auditEventSchema);
  if (input === null || typeof input !== 'object' || !Array.isArray((input as { events?: unknown }).events) || Object.keys(input).length !== 1) {
    return { ok: false, errors: ['/: must be {"events": [...]}'] };
  }
  const events = (input as { events: unknown[] }).events;
  if (events.length === 0 || events.length > MAX_EVENTS_PER_POST) return { ok: false, errors: [`/events: 1 to ${MAX_EVENTS_PER_POST} events`] };
  const errors: string[] = [];
  events.forEach((e, i) => {
    if (!compiled!(e)) errors.push(...(compiled!.errors ?? []).map((x) => describe(x, i)));
    else if (Number.isNaN(Date.parse((e as AuditEvent).time))) errors.push(`/events/${i}/time: not a date`);
  });
  return errors.length ? { ok: false, errors: errors.slice(0, 20) } : { ok: true, events: events as AuditEvent[] };
}
