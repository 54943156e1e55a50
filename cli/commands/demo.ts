// vigie demo: the send check on a few everyday drafts, against the embedded liste blanche. No keys, no network.
import type { CliCommand, CliIO } from '../io';
import { EXIT } from '../io';
import { checkDraft } from '../../shared/send-check';
import { embeddedDomainSet } from '../../shared/whitelist/embedded';
import { parsePolicy } from '../../shared/config/validate-policy';
import type { Draft } from '../../shared/model';

const scenarios: { title: string; draft: Partial<Draft> }[] = [
  { title: 'Compte rendu à un confrère MSSanté', draft: { to: ['Dr Claire Lefèvre <claire.lefevre@medecin.mssante.fr>'] } },
  { title: 'Envoi à un patient (adresse INS)', draft: { to: ['279035121518989@patient.mssante.fr'] } },
  { title: 'Un confrère en copie sur sa boîte Gmail', draft: { to: ['claire.lefevre@medecin.mssante.fr'], cc: ['Claire Lefèvre <claire.lefevre@gmail.com>'] } },
  { title: 'Faute de frappe dans le domaine', draft: { to: ['claire.lefevre@medecin.msante.fr'] } },
  { title: 'Domaine imité (е cyrillique)', draft: { to: ['claire.lefevre@m\u0435decin.mssante.fr'] } },
  { title: 'INS mal recopié', draft: { to: ['279035121518988@patient.mssante.fr'] } },
  { title: 'Messagerie interne de l’hôpital', draft: { to: ['secretariat.cardio@chu-exemple.fr'] } },
];

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Runs the send check on a few everyday drafts from an MSSanté mailbox, on the embedded defaults.',
  usage: 'vigie demo [--lang fr|en]',
  async run(args: string[], io: CliIO): Promise<number> {
    const lang = args.includes('en') ? 'en' : 'fr';
    const whitelist = embeddedDomainSet();
    const parsed = parsePolicy({ internalDomains: ['chu-exemple.fr'] });
    if (!parsed.ok) return EXIT.failure;
    io.stdout(
      `Vigie MSSanté — liste blanche embarquée : ${whitelist.size} domaines, générée le ${whitelist.info.generatedAt.slice(0, 10)}, signée par ${whitelist.info.signer.replace(/.*CN=/, 'CN=')}`,
    );
    io.stdout('Expéditeur : dr.martin@medecin.mssante.fr (boîte MSSanté), politique : blocage, domaine interne chu-exemple.fr\n');
    for (const s of scenarios) {
      const draft: Draft = { from: 'dr.martin@medecin.mssante.fr', to: [], cc: [], bcc: [], subject: 'Compte rendu', body: '', attachments: [], ...s.draft };
      const v = checkDraft(draft, { whitelist, policy: parsed.policy });
      const mark = v.verdict === 'allow' ? 'ENVOI OK ' : v.verdict === 'warn' ? 'AVERTIT  ' : 'BLOQUÉ   ';
      io.stdout(`${mark} ${s.title}`);
      for (const r of v.recipients) io.stdout(`          ${r.input} → ${r.category} : ${r.reason[lang]}`);
      if (v.verdict !== 'allow') io.stdout(`          Message : ${v.message[lang]}`);
      io.stdout('');
    }
    io.stdout('Essayez : node dist/cli/vigie.cjs check --from <expéditeur> -- <destinataires…>   (aide : node dist/cli/vigie.cjs --help)');
    return EXIT.ok;
  },
};
