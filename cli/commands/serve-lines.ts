// What `vigie serve` prints at start: what the landing page says, in the same order (the overall state, each part
// with what to do, how to install each client, the downloads, the API), then how to trust the local certificate.
import { installSteps } from '../../server/install-steps';
import type { Health } from '../../server/landing';
import { overall, partStates, type PartState } from '../../server/landing-states';
import { trustInstructions, type LocalCertificate } from '../../server/tls';

function stateLines(s: PartState): string[] {
  return [
    `  ${s.name.fr}${s.name.en === s.name.fr ? '' : ` / ${s.name.en}`}\u00a0: ${s.state.fr} / ${s.state.en}`,
    `    ${s.detail.fr}`,
    `    ${s.detail.en}`,
    ...(s.todo ? [`    → À faire\u00a0: ${s.todo.fr}`, `    → To do: ${s.todo.en}`] : []),
  ];
}

export function startLines(h: Health, url: string, addinBuilt: boolean, tls: LocalCertificate | undefined): string[] {
  const states = partStates(h);
  const lines = [
    '',
    `Vigie MSSanté — serveur de l’établissement / companion server\u00a0: ${url}/`,
    ...stateLines(overall(states)),
    ...states.flatMap(stateLines),
  ];
  for (const step of installSteps(addinBuilt)) lines.push('', `${step.title}\u00a0: ${url}${step.path}`, `  ${step.fr}`, `  ${step.en}`);
  const api = [
    '/healthz',
    '/api/liste-blanche',
    '/api/directory/search?q=cardio%20lyon',
    '/api/directory/suggest?address=',
    ...(h.di.configured ? ['/api/di/documents?ins=279035121518989'] : []),
    ...(h.psc.configured ? ['/api/psc/login'] : []),
  ];
  lines.push('', `Téléchargements / downloads\u00a0: ${url}/downloads/`, '', 'API', ...api.map((p) => `  ${url}${p}`));
  if (tls) lines.push('', ...(tls.created ? ['Certificat localhost créé / localhost certificate created.'] : []), ...trustInstructions(tls.certFile));
  if (h.directory.status !== 'ready')
    lines.push(
      '',
      'Construction de l’Annuaire Santé… la ligne «\u202fPrêt\u202f» dit quand tout répond.',
      'Building the directory… the “Ready” line says when everything answers.',
    );
  return lines;
}
