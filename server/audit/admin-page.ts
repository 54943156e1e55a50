// The audit admin page: server-rendered HTML with no inline script (the CSP allows none), its stylesheet, and the
// script that asks for the token, reads the report and draws it (see admin-script.ts).
import { adminScriptSource } from './admin-script';

export const adminCss = `body{font:16px/1.5 system-ui,sans-serif;max-width:64rem;margin:1.5rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ddd}.en{color:#555;font-size:.92em}
form{display:flex;flex-wrap:wrap;gap:.8rem;align-items:end;background:#f6f7f9;padding:.8rem;border-radius:6px}
label{display:flex;flex-direction:column;font-size:.9rem;font-weight:600}input{font:inherit;padding:.3rem .4rem;border:1px solid #888;border-radius:4px}
button,.button{font:inherit;padding:.35rem .9rem;border:1px solid #1d4f91;background:#1d4f91;color:#fff;border-radius:4px;cursor:pointer;text-decoration:none}
button .en{color:inherit}button.secondary{background:#fff;color:#1d4f91}:focus-visible{outline:3px solid #f0a400;outline-offset:2px}
#status{min-height:1.5rem;margin:.6rem 0}.error{color:#a4000f;font-weight:600}
.tiles{display:flex;flex-wrap:wrap;gap:.8rem}.tile{border:1px solid #ddd;border-radius:6px;padding:.5rem .9rem;min-width:8rem}
.tile b{display:block;font-size:1.6rem}.allow{color:#1e7b3a}.warn{color:#9a5b00}.block{color:#a4000f}
svg text{font:12px system-ui,sans-serif;fill:#333}.legend{display:flex;gap:1rem;font-size:.9rem}.sw{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:-.1rem;border-radius:2px}
.sw.allow{background:#5aa469}.sw.warn{background:#e3a23b}.sw.block{background:#c8323c}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee}td.n{text-align:right;font-variant-numeric:tabular-nums;width:5rem}
.bar{background:#c8323c;height:.7rem;border-radius:2px}.bar.warn{background:#e3a23b}[hidden]{display:none}`;

export function adminPage(): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Vigie MSSanté — audit des envois</title><link rel="stylesheet" href="/assets/admin.css"></head>
<body>
<h1>Audit des envois <span class="en">— send audit</span></h1>
<p>Ce que Vigie a vérifié, par jour et par motif. Aucun contenu de message n’est conservé : seulement l’expéditeur, les domaines des destinataires, le verdict et ses motifs. <a href="/">Retour à l’accueil</a><br>
<span class="en">What Vigie checked, by day and reason. No message content is kept.</span></p>
<form id="query">
<label for="token">Jeton d’administration <span class="en">Admin token</span><input id="token" name="token" type="password" autocomplete="off" required></label>
<label for="from">Du <span class="en">From</span><input id="from" name="from" type="date" required></label>
<label for="to">Au <span class="en">To</span><input id="to" name="to" type="date" required></label>
<button type="submit">Afficher <span class="en">/ Show</span></button>
<button type="button" class="secondary" id="csv" disabled>CSV</button>
<button type="button" class="secondary" id="forget">Oublier le jeton <span class="en">/ Forget</span></button>
</form>
<p id="status" role="status" aria-live="polite"></p>
<section id="report" hidden aria-labelledby="summary-title">
<h2 id="summary-title">Synthèse <span class="en">/ Summary</span></h2>
<div class="tiles" id="tiles"></div>
<h2 id="chart-title">Vérifications par jour et par verdict <span class="en">/ Checks per day by verdict</span></h2>
<div class="legend" aria-hidden="true"><span><span class="sw block"></span>bloqué</span><span><span class="sw warn"></span>averti</span><span><span class="sw allow"></span>autorisé</span></div>
<div id="chart"></div>
<h2>Motifs les plus fréquents <span class="en">/ Top reasons</span></h2>
<table><thead><tr><th scope="col">Motif</th><th scope="col">Vérifications</th><th scope="col">Part <span class="en">/ share</span></th></tr></thead><tbody id="reasons"></tbody></table>
<h2>Par client de messagerie <span class="en">/ By mail client</span></h2>
<table><tbody id="hosts"></tbody></table>
</section>
<script src="/assets/admin.js"></script>
</body></html>`;
}

export const adminJs = adminScriptSource();
