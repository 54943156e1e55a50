// The plain page at `/`: where each part is, how to install the add-in and the extensions, and the health of each
// part. Server-rendered, no script (the CSP allows none inline), French first with English beneath.

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
    refresh: { configured: boolean; url?: string; lastAttemptAt?: string; lastSuccessAt?: string; lastError?: { at: string; reason: string }; nextAt?: string; running: boolean };
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
  audit: { enabled: boolean; store: 'embedded' | 'postgres'; retentionDays: number; adminToken: boolean; lastPurge?: { at: string; removed: number } | { at: string; error: string } };
}

const esc = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const landingCss = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.en{color:#555;font-size:.92em}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
.ok{color:#06672e;font-weight:600}.ko{color:#a4000f;font-weight:600}code{background:#f4f4f4;padding:0 .25rem;border-radius:3px}`;

function state(ok: boolean, fr: string, en: string): string {
  return `<span class="${ok ? 'ok' : 'ko'}">${esc(fr)}</span> <span class="en">/ ${esc(en)}</span>`;
}

export function landingPage(h: Health, opts: { publicUrl: string; downloads: string[]; addin: boolean }): string {
  const lb = h.listeBlanche;
  const d = h.directory;
  const base = esc(opts.publicUrl);
  const rows = [
    ['Liste blanche MSSanté', `${state(!lb.stale && !lb.refresh.lastError, lb.stale ? 'périmée' : 'à jour', lb.stale ? 'stale' : 'current')} — ${esc(lb.domains)} domaines, générée le ${esc(lb.generatedAt.slice(0, 10))} (${esc(lb.ageDays)} j), source : ${esc(lb.source)}${lb.refresh.lastError ? `<br>dernier échec / last failure : ${esc(lb.refresh.lastError.reason)}` : ''}`],
    ['Annuaire / Directory', `${state(d.status === 'ready', d.status === 'ready' ? 'prêt' : d.status === 'building' ? 'en construction' : 'indisponible', d.status)} — ${esc(d.entries)} boîtes${d.source ? `, ${esc(d.source)}` : ''}${d.building && d.status === 'ready' ? ' (reconstruction en cours / rebuilding)' : ''}`],
    ['Dossier patient (DI)', h.di.configured ? state(true, h.di.mode === 'demo' ? 'démonstration' : 'configuré', h.di.mode === 'demo' ? 'demo' : 'configured') : state(false, 'non configuré', 'not configured')],
    ['Pro Santé Connect', h.psc.configured ? state(true, 'configuré', 'configured') : state(false, 'non configuré', 'not configured')],
    ['Journal d’audit / Audit', h.audit.enabled ? `${state(true, h.audit.store === 'postgres' ? 'PostgreSQL partagé' : 'base embarquée', h.audit.store === 'postgres' ? 'shared PostgreSQL' : 'embedded database')} — conservation ${esc(h.audit.retentionDays)} j — <a href="/admin">rapport des envois</a>${h.audit.adminToken ? '' : ' (aucun jeton d’administration configuré / no admin token)'}` : state(false, 'désactivé', 'off')],
    ['Politique / Policy', `${esc(h.policy.source === 'file' ? 'fichier de l’établissement' : 'valeurs par défaut')} (${esc(h.policy.mode)}) — <a href="/policy.json">/policy.json</a>`],
  ];
  const downloads = opts.downloads.length
    ? `<ul>${opts.downloads.map((n) => `<li><a href="/downloads/${encodeURIComponent(n)}">${esc(n)}</a></li>`).join('')}</ul>`
    : '<p>Aucun paquet construit pour l’instant (<code>npm run build</code>). <span class="en">No package built yet.</span></p>';
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Vigie MSSanté — serveur de l’établissement</title><link rel="stylesheet" href="/assets/vigie.css"></head>
<body>
<h1>Vigie MSSanté <span class="en">— companion server</span></h1>
<p>État général / overall: ${state(h.status === 'ok', h.status === 'ok' ? 'tout fonctionne' : 'dégradé', h.status)} — <a href="/healthz">/healthz</a></p>
<table>${rows.map(([k, v]) => `<tr><th>${esc(k!)}</th><td>${v}</td></tr>`).join('')}</table>

<h2>Outlook</h2>
<p>Manifeste du complément : <a href="/outlook/manifest.xml">${base}/outlook/manifest.xml</a>${opts.addin ? '' : ' (pas encore construit / not built yet)'}<br>
Outlook sur le web ou nouvel Outlook : <em>Applications › Ajouter des applications › Mes compléments › Ajouter un complément personnalisé › Ajouter à partir d’un fichier</em>, puis choisir le manifeste téléchargé.
Outlook classique (Windows) : <em>Fichier › Gérer les compléments</em>, même démarche. Le certificat HTTPS doit être reconnu par le poste (voir la console au démarrage).<br>
<span class="en">Sideload: Outlook on the web / new Outlook: Apps › Add apps › My add-ins › Add a custom add-in › Add from file, then pick the downloaded manifest. The HTTPS certificate must be trusted by the machine (see the console at start).</span></p>

<h2>Thunderbird</h2>
<p>Outils › Modules complémentaires › ⚙ › Installer un module depuis un fichier…, puis choisir le <code>.xpi</code> ci-dessous.
<span class="en">Tools › Add-ons › ⚙ › Install Add-on From File…, then pick the <code>.xpi</code> below.</span></p>

<h2>Navigateur / Browser (webmail)</h2>
<p>Chrome / Edge : <code>chrome://extensions</code> › Mode développeur › Charger l’extension non empaquetée (dossier décompressé du <code>.zip</code>). Firefox : <code>about:debugging</code> › Ce Firefox › Charger un module temporaire.
<span class="en">Chrome / Edge: chrome://extensions › Developer mode › Load unpacked (the unzipped folder). Firefox: about:debugging › This Firefox › Load Temporary Add-on.</span></p>
<h2>Téléchargements / Downloads</h2>
${downloads}

<h2>API</h2>
<ul>
<li><a href="/api/liste-blanche">/api/liste-blanche</a> — liste blanche vérifiée (ETag)</li>
<li><a href="/api/directory/search?q=cardio%20lyon">/api/directory/search?q=&amp;limit=&amp;type=&amp;profession=&amp;department=</a></li>
<li><a href="/api/directory/suggest?address=claire.lefevre%40medecin.mssante.fr">/api/directory/suggest?address=</a></li>
${h.di.configured ? '<li><a href="/api/di/documents?ins=279035121518989">/api/di/documents?ins=</a> — documents du dossier patient</li>' : ''}
${h.psc.configured ? '<li><a href="/api/psc/login">/api/psc/login</a> — connexion Pro Santé Connect</li>' : ''}
</ul>
</body></html>`;
}
