// The plain page at `/`: where each part is, how to install the add-in and the extensions, and the health of each
// part in words with what to do when one is degraded (landing-states.ts; the console at start says the same, in the
// same order). Server-rendered, no script (the CSP allows none inline), French first with English beneath.
import { installSteps } from './install-steps';
import { overall, partStates, type PartState, type Words } from './landing-states';
import { escapeHtml, pageHead } from './page';

export interface Health {
  status: 'ok' | 'degraded';
  uptimeSeconds: number;
  listeBlanche: {
    source: string;
    generatedAt: string;
    fetchedAt: string | null;
    ageDays: number;
    stale: boolean;
    domains: number;
    signer: string;
    refresh: {
      configured: boolean;
      url?: string;
      lastAttemptAt?: string;
      lastSuccessAt?: string;
      lastError?: { at: string; reason: string };
      nextAt?: string;
      running: boolean;
    };
    lastRefused?: { at: string; reason: string };
  };
  directory: {
    status: string;
    entries: number;
    builtAt: string | null;
    ageHours: number | null;
    source: string | null;
    building: boolean;
    lastError?: { at: string; reason: string };
    fhirConfirmation: boolean;
  };
  di: { mode: string; configured: boolean };
  psc: { configured: boolean };
  policy: { source: 'embedded' | 'file'; mode: string };
  audit: {
    enabled: boolean;
    store: 'embedded' | 'postgres';
    retentionDays: number;
    adminToken: boolean;
    lastPurge?: { at: string; removed: number } | { at: string; error: string };
  };
}

const esc = escapeHtml;

export const landingCss = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.en{color:#555;font-size:.92em}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
.ok{color:#06672e;font-weight:600}.ko{color:#8a4b00;font-weight:600}.todo{margin:.3rem 0 0;padding-left:.6rem;border-left:3px solid #c77c00}
code{background:#f4f4f4;padding:0 .25rem;border-radius:3px}`;

function words(w: Words, cls = ''): string {
  return `<span${cls ? ` class="${cls}"` : ''}>${esc(w.fr)}</span> <span class="en">${esc(w.en)}</span>`;
}

function stateCell(s: PartState): string {
  const todo = s.todo ? `<p class="todo">À faire\u00a0: ${words(s.todo)}</p>` : '';
  return `<span class="${s.ok ? 'ok' : 'ko'}">${esc(s.state.fr)}</span> <span class="en">(${esc(s.state.en)})</span> — ${words(s.detail)}${todo}`;
}

export function landingPage(h: Health, opts: { publicUrl: string; downloads: string[]; addin: boolean }): string {
  const states = partStates(h);
  const all = overall(states);
  const base = esc(opts.publicUrl);
  const downloads = opts.downloads.length
    ? `<ul>${opts.downloads.map((n) => `<li><a href="/downloads/${encodeURIComponent(n)}" download>${esc(n)}</a></li>`).join('')}</ul>`
    : '<p>Aucun paquet construit pour l’instant\u00a0: lancez <code>npm run build</code>. <span class="en">No package built yet: run npm run build.</span></p>';
  const steps = installSteps(opts.addin).map((s) => `<h2>${esc(s.title)}</h2>\n<p><a href="${esc(s.path)}">${base}${esc(s.path)}</a><br>${words(s)}</p>`);
  return `${pageHead('Vigie MSSanté — serveur de l’établissement')}
<body>
<h1>Vigie MSSanté <span class="en">— companion server</span></h1>
<p>${esc(all.name.fr)} <span class="en">(${esc(all.name.en)})</span>\u00a0: ${stateCell(all)} — <a href="/healthz">/healthz</a></p>
<table>${states.map((s) => `<tr><th>${esc(s.name.fr)} ${s.name.en === s.name.fr ? '' : `<span class="en">${esc(s.name.en)}</span>`}</th><td>${stateCell(s)}</td></tr>`).join('')}</table>
${steps.join('\n')}
<h2>Téléchargements <span class="en">Downloads</span></h2>
${downloads}

<h2>API</h2>
<ul>
<li><a href="/api/liste-blanche">/api/liste-blanche</a> — liste blanche vérifiée <span class="en">verified liste blanche</span></li>
<li><a href="/api/directory/search?q=cardio%20lyon">/api/directory/search?q=&amp;limit=&amp;type=&amp;profession=&amp;department=</a></li>
<li><a href="/api/directory/suggest?address=claire.lefevre%40medecin.mssante.fr">/api/directory/suggest?address=</a></li>
${h.di.configured ? '<li><a href="/api/di/documents?ins=279035121518989">/api/di/documents?ins=</a> — documents du dossier patient <span class="en">patient record documents</span></li>' : ''}
${h.psc.configured ? '<li><a href="/api/psc/login">/api/psc/login</a> — connexion Pro Santé Connect <span class="en">Pro Santé Connect sign-in</span></li>' : ''}
${h.audit.enabled ? '<li><a href="/admin">/admin — rapport d’audit des envois</a> (jeton d’administration) <span class="en">audit report of sends (admin token)</span></li>' : ''}
</ul>
</body></html>`;
}
