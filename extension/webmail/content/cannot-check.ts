// What the guard does when it cannot check a message: the client layer's failure policy (block mode → block with an
// explanation, warn mode → hold and ask; never a silent send). Stands in for `shared/client/failure.ts` with the
// same signature until that module is on this branch.
import type { OrgPolicy } from '../../../shared/config/policy';
import type { LocalizedText, Verdict } from '../../../shared/model';

export type CheckFailureCause = 'host-api-failed' | 'host-api-timeout' | 'compose-unreadable' | 'send-control-missing' | 'core-error' | 'no-list';

const why: Record<CheckFailureCause, LocalizedText> = {
  'host-api-failed': { fr: 'la messagerie n’a pas donné le message', en: 'the mail client did not hand over the message' },
  'host-api-timeout': { fr: 'la messagerie n’a pas répondu à temps', en: 'the mail client did not answer in time' },
  'compose-unreadable': { fr: 'la page de la messagerie a changé et Vigie ne trouve pas {detail}', en: 'the webmail page has changed and Vigie cannot find {detail}' },
  'send-control-missing': { fr: 'Vigie ne trouve pas le bouton Envoyer de cette page et ne peut pas la surveiller', en: 'Vigie cannot find this page’s Send button and cannot guard it' },
  'core-error': { fr: 'une erreur interne de Vigie', en: 'an internal Vigie error' },
  'no-list': { fr: 'la liste blanche MSSanté est indisponible', en: 'the MSSanté liste blanche is unavailable' },
};

const todo = {
  block: { fr: 'Vérifiez vous-même que chaque destinataire a une adresse MSSanté et que le message ne contient pas de données de santé, puis envoyez depuis votre messagerie MSSanté ; prévenez votre service informatique.', en: 'Check yourself that every recipient has an MSSanté address and that the message holds no health data, then send from your MSSanté mailbox; tell your IT department.' },
  warn: { fr: 'Vérifiez vous-même les destinataires et l’absence de données de santé avant d’envoyer.', en: 'Check the recipients and that no health data is included yourself before sending.' },
};

export function cannotCheck(cause: CheckFailureCause, policy: OrgPolicy, detail?: string): Verdict {
  const level = policy.mode === 'block' ? 'block' : 'warn';
  const reason = (lang: 'fr' | 'en') => why[cause][lang].replace('{detail}', detail || (lang === 'fr' ? 'le message' : 'the message'));
  const message: LocalizedText = {
    fr: `Vigie n’a pas pu vérifier ce message\u00a0: ${reason('fr')}. ${todo[level].fr}`,
    en: `Vigie could not check this message: ${reason('en')}. ${todo[level].en}`,
  };
  return { verdict: level, recipients: [], findings: [], message, reasons: [`check-failed.${cause}`], sender: { address: null, category: 'invalid' }, notices: [] };
}
