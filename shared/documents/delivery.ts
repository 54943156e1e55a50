// What a mail client can do with the headers a message carrying DI documents needs, decided before anything is
// attached: headers it sets, the read receipt through its own option, and for the rest, what the user must do.
import type { LocalizedText } from '../model';
import type { MailHeader } from './headers';

export interface HeaderCapability {
  /** Outlook (internetHeaders): any; Thunderbird (compose API customHeaders): X- headers only; webmail: none. */
  customHeaders: 'any' | 'x-only' | 'none';
  /** How the client asks for a read receipt: a header, its own option (Thunderbird returnReceipt), or not at all. */
  readReceipt: 'header' | 'option' | 'none';
}

export const HOST_CAPABILITIES = {
  outlook: { customHeaders: 'any', readReceipt: 'none' },
  thunderbird: { customHeaders: 'x-only', readReceipt: 'option' },
  webmail: { customHeaders: 'none', readReceipt: 'none' },
} as const satisfies Record<string, HeaderCapability>;

export type DeliveryHost = keyof typeof HOST_CAPABILITIES;

export interface DeliveryPlan {
  /** Headers the client sets, before the files are attached. */
  headers: Record<string, string>;
  /** Tick the client's own read-receipt option. */
  readReceipt: boolean;
  /** What cannot be set, each with what the user must do: shown before anything is attached. */
  missing: Array<{ header: string; advice: LocalizedText }>;
}

const READ_RECEIPT = 'Disposition-Notification-To';

const ADVICE: Record<DeliveryHost, { receipt: LocalizedText; header: LocalizedText }> = {
  outlook: {
    receipt: {
      fr: 'Outlook ne laisse pas un complément demander l’accusé de lecture : cochez Options › Demander une confirmation de lecture avant d’envoyer.',
      en: 'Outlook does not let an add-in ask for the read receipt: tick Options › Request a Read Receipt before sending.',
    },
    header: { fr: 'Outlook n’a pas pu poser cet en-tête.', en: 'Outlook could not set this header.' },
  },
  thunderbird: {
    receipt: { fr: 'Accusé de lecture demandé par l’option de Thunderbird.', en: 'Read receipt asked for through Thunderbird’s option.' },
    header: {
      fr: 'Thunderbird ne laisse une extension poser que des en-têtes X- : celui-ci ne partira pas.',
      en: 'Thunderbird lets an extension set X- headers only: this one will not go.',
    },
  },
  webmail: {
    receipt: {
      fr: 'Ce webmail ne laisse pas l’extension demander l’accusé de lecture : cochez l’option « accusé de lecture » du webmail s’il en a une.',
      en: 'This webmail does not let the extension ask for the read receipt: tick the webmail’s read-receipt option if it has one.',
    },
    header: {
      fr: 'Un webmail ne laisse pas l’extension poser les en-têtes MSSanté : le destinataire lira l’archive, mais sans cet en-tête. Pour l’envoyer, utilisez Outlook ou Thunderbird avec Vigie, ou l’envoi de documents de votre opérateur.',
      en: 'A webmail does not let the extension set MSSanté headers: the receiver will read the archive, but without this header. To send it, use Outlook or Thunderbird with Vigie, or your operator’s document sending.',
    },
  },
};

export function planDelivery(headers: readonly MailHeader[], host: DeliveryHost): DeliveryPlan {
  const cap: HeaderCapability = HOST_CAPABILITIES[host];
  const plan: DeliveryPlan = { headers: {}, readReceipt: false, missing: [] };
  for (const h of headers) {
    if (h.name === READ_RECEIPT) {
      if (cap.readReceipt === 'header') plan.headers[h.name] = h.value;
      else if (cap.readReceipt === 'option') plan.readReceipt = true;
      else plan.missing.push({ header: h.name, advice: ADVICE[host].receipt });
    } else if (cap.customHeaders === 'any' || (cap.customHeaders === 'x-only' && /^X-[A-Za-z0-9-]+$/.test(h.name))) plan.headers[h.name] = h.value;
    else plan.missing.push({ header: h.name, advice: ADVICE[host].header });
  }
  return plan;
}
