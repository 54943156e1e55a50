// The state of each part of the server in words, French and English, with what to do when one is degraded. The
// landing page and the console at start both say exactly this, in this order.
import type { Health } from './landing';

export interface Words {
  fr: string;
  en: string;
}

export interface PartState {
  name: Words;
  ok: boolean;
  /** One or two words: à jour, périmée, prêt… */
  state: Words;
  /** What the part holds, in a sentence. */
  detail: Words;
  /** What to do, when the part needs attention. */
  todo?: Words;
}

const frNumber = new Intl.NumberFormat('fr-FR');
const enNumber = new Intl.NumberFormat('en-GB');
const frDate = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
const enDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

function listeBlanche(h: Health): PartState {
  const lb = h.listeBlanche;
  const embedded = lb.source === 'embedded';
  const from: Words = embedded
    ? { fr: 'copie livrée avec Vigie', en: 'the copy shipped with Vigie' }
    : {
        fr: lb.source === 'server' ? 'téléchargée depuis l’adresse configurée' : 'lue dans un fichier',
        en: lb.source === 'server' ? 'downloaded from the configured address' : 'read from a file',
      };
  const detail: Words = {
    fr: `${frNumber.format(lb.domains)} domaines MSSanté, liste signée le ${frDate(lb.generatedAt)} (il y a ${frNumber.format(lb.ageDays)} jours), ${from.fr}.`,
    en: `${enNumber.format(lb.domains)} MSSanté domains, list signed on ${enDate(lb.generatedAt)} (${enNumber.format(lb.ageDays)} days ago), ${from.en}.`,
  };
  const failure = lb.refresh.lastError;
  let todo: Words | undefined;
  if (failure) {
    todo = {
      fr: `Le dernier téléchargement a échoué (${failure.reason})\u00a0; la liste précédente reste en usage. Vérifiez que le serveur atteint listeBlanche.url et que listeBlanche.caFile contient la chaîne IGC-Santé.`,
      en: `The last download failed (${failure.reason}); the previous list stays in use. Check that the server reaches listeBlanche.url and that listeBlanche.caFile holds the IGC-Santé chain.`,
    };
  } else if (lb.stale) {
    todo =
      embedded || !lb.refresh.configured
        ? {
            fr: 'Trop ancienne pour la politique\u00a0: des boîtes MSSanté récentes peuvent être refusées à tort. Sans conséquence pour un essai\u00a0; en service, donnez l’adresse officielle dans listeBlanche.url (docs/deployment.md) pour qu’elle soit téléchargée chaque jour.',
            en: 'Too old for the policy: recent MSSanté mailboxes may be refused by mistake. Harmless for a trial; in service, set the official address in listeBlanche.url (docs/deployment.md) so that it is downloaded every day.',
          }
        : {
            fr: 'Trop ancienne pour la politique\u00a0: vérifiez que les téléchargements aboutissent.',
            en: 'Too old for the policy: check that the downloads succeed.',
          };
  }
  return {
    name: { fr: 'Liste blanche MSSanté', en: 'MSSanté liste blanche' },
    ok: !lb.stale && !failure,
    state: lb.stale ? { fr: 'périmée', en: 'stale' } : { fr: 'à jour', en: 'current' },
    detail,
    ...(todo ? { todo } : {}),
  };
}

function directory(h: Health): PartState {
  const d = h.directory;
  const demo = d.source?.startsWith('synthetic');
  const name = { fr: 'Annuaire Santé', en: 'Directory' };
  if (d.status === 'ready') {
    return {
      name,
      ok: true,
      state: { fr: 'prêt', en: 'ready' },
      detail: {
        fr: `${frNumber.format(d.entries)} boîtes MSSanté${demo ? ', annuaire de démonstration généré (personnes fictives)' : ''}${d.building ? '\u00a0; une nouvelle version se construit' : ''}.`,
        en: `${enNumber.format(d.entries)} MSSanté mailboxes${demo ? ', a generated demo directory (fictitious people)' : ''}${d.building ? '; a new version is being built' : ''}.`,
      },
    };
  }
  if (d.status === 'building') {
    return {
      name,
      ok: false,
      state: { fr: 'en construction', en: 'building' },
      detail: {
        fr: 'L’index de recherche se construit\u00a0; les recherches répondent dès qu’il est prêt.',
        en: 'The search index is being built; searches answer as soon as it is ready.',
      },
      todo: { fr: 'Attendez quelques secondes et rechargez la page.', en: 'Wait a few seconds and reload the page.' },
    };
  }
  return {
    name,
    ok: false,
    state: { fr: 'indisponible', en: 'unavailable' },
    detail: { fr: `Aucun index\u00a0: ${d.lastError?.reason ?? 'la construction a échoué'}.`, en: `No index: ${d.lastError?.reason ?? 'the build failed'}.` },
    todo: {
      fr: 'Vérifiez le fichier d’extraction (directory.url ou directory.watchDir) et le journal du serveur.',
      en: 'Check the extraction file (directory.url or directory.watchDir) and the server log.',
    },
  };
}

function others(h: Health): PartState[] {
  const modes: Record<string, Words> = {
    block: {
      fr: 'blocage (un envoi hors MSSanté depuis une boîte MSSanté est arrêté)',
      en: 'block (a send outside MSSanté from an MSSanté mailbox is stopped)',
    },
    warn: { fr: 'avertissement (l’utilisateur confirme)', en: 'warn (the user confirms)' },
    audit: { fr: 'audit (rien n’est arrêté, tout est consigné)', en: 'audit (nothing is stopped, everything is recorded)' },
  };
  const mode = modes[h.policy.mode] ?? { fr: h.policy.mode, en: h.policy.mode };
  const audit = h.audit;
  return [
    {
      name: { fr: 'Dossier patient (DI)', en: 'Patient record (DI)' },
      ok: true,
      ...(h.di.configured
        ? h.di.mode === 'demo'
          ? {
              state: { fr: 'démonstration', en: 'demo' },
              detail: { fr: 'Trois patients fictifs et quelques documents.', en: 'Three fictitious patients and a few documents.' },
            }
          : {
              state: { fr: 'configuré', en: 'configured' },
              detail: { fr: 'Documents lus dans le dossier patient de l’établissement.', en: 'Documents read from the organisation’s patient record.' },
            }
        : {
            state: { fr: 'non configuré', en: 'not configured' },
            detail: { fr: 'Les documents du dossier patient ne sont pas proposés (réglage di).', en: 'Patient record documents are not offered (di setting).' },
          }),
    },
    {
      name: { fr: 'Pro Santé Connect', en: 'Pro Santé Connect' },
      ok: true,
      ...(h.psc.configured
        ? {
            state: { fr: 'configuré', en: 'configured' },
            detail: { fr: 'Les utilisateurs se connectent avec leur carte ou e-CPS.', en: 'Users sign in with their card or e-CPS.' },
          }
        : {
            state: { fr: 'non configuré', en: 'not configured' },
            detail: {
              fr: 'Pas de connexion Pro Santé Connect\u00a0: inutile pour un essai, nécessaire pour lire un vrai dossier patient (réglage psc).',
              en: 'No Pro Santé Connect sign-in: not needed for a trial, needed to read a real patient record (psc setting).',
            },
          }),
    },
    {
      name: { fr: 'Journal d’audit', en: 'Audit log' },
      ok: true,
      ...(audit.enabled
        ? {
            state: audit.store === 'postgres' ? { fr: 'PostgreSQL partagé', en: 'shared PostgreSQL' } : { fr: 'base embarquée', en: 'embedded database' },
            detail: {
              fr: `Vérifications conservées ${frNumber.format(audit.retentionDays)} jours, rapport sur /admin.`,
              en: `Checks kept ${enNumber.format(audit.retentionDays)} days, report at /admin.`,
            },
            ...(audit.adminToken
              ? {}
              : {
                  todo: {
                    fr: 'Aucun jeton d’administration\u00a0: le rapport reste fermé tant que admin.token (ou VIGIE_ADMIN_TOKEN) n’est pas donné.',
                    en: 'No admin token: the report stays closed until admin.token (or VIGIE_ADMIN_TOKEN) is set.',
                  },
                }),
          }
        : { state: { fr: 'désactivé', en: 'off' }, detail: { fr: 'Les vérifications ne sont pas consignées.', en: 'Checks are not recorded.' } }),
    },
    {
      name: { fr: 'Politique', en: 'Policy' },
      ok: true,
      state: h.policy.source === 'file' ? { fr: 'fichier de l’établissement', en: 'organisation file' } : { fr: 'réglages par défaut', en: 'defaults' },
      detail: { fr: `Mode ${mode.fr}.`, en: `Mode ${mode.en}.` },
    },
  ];
}

export function partStates(h: Health): PartState[] {
  return [listeBlanche(h), directory(h), ...others(h)];
}

/** The overall state in a sentence: all is well, or which parts need attention. */
export function overall(states: PartState[]): PartState {
  const bad = states.filter((s) => !s.ok);
  return {
    name: { fr: 'État général', en: 'Overall' },
    ok: bad.length === 0,
    state: bad.length ? { fr: 'à surveiller', en: 'needs attention' } : { fr: 'tout fonctionne', en: 'all working' },
    detail: bad.length
      ? {
          fr: `À voir\u00a0: ${bad.map((s) => s.name.fr).join(', ')} (ce qu’il faut faire est indiqué ci-dessous).`,
          en: `To look at: ${bad.map((s) => s.name.en).join(', ')} (what to do is said below).`,
        }
      : { fr: 'Chaque partie répond.', en: 'Every part answers.' },
  };
}
