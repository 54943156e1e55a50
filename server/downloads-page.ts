// The page at /downloads/: each package built for this server, what it is for and how to install it, French first
// with English beneath. Server-rendered, no script.
import { escapeHtml, pageHead } from './page';

const KINDS: { test: RegExp; fr: string; en: string }[] = [
  {
    test: /thunderbird.*\.xpi$/i,
    fr: 'Thunderbird\u00a0: Outils › Modules complémentaires › ⚙ › Installer un module depuis un fichier.',
    en: 'Thunderbird: Tools › Add-ons › ⚙ › Install Add-on From File.',
  },
  {
    test: /firefox.*\.xpi$/i,
    fr: 'Firefox (webmail)\u00a0: about:debugging › Ce Firefox › Charger un module temporaire.',
    en: 'Firefox (webmail): about:debugging › This Firefox › Load Temporary Add-on.',
  },
  {
    test: /\.zip$/i,
    fr: 'Chrome ou Edge (webmail)\u00a0: décompresser, puis chrome://extensions › Mode développeur › Charger l’extension non empaquetée.',
    en: 'Chrome or Edge (webmail): unzip, then chrome://extensions › Developer mode › Load unpacked.',
  },
];

export function downloadsPage(names: string[]): string {
  const items = names.map((n) => {
    const kind = KINDS.find((k) => k.test.test(n));
    const how = kind ? ` — ${escapeHtml(kind.fr)} <span class="en">${escapeHtml(kind.en)}</span>` : '';
    return `<li><a href="/downloads/${encodeURIComponent(n)}" download>${escapeHtml(n)}</a>${how}</li>`;
  });
  const body = items.length
    ? `<ul>${items.join('\n')}</ul>`
    : '<p>Aucun paquet n’est construit sur ce serveur. Lancez <code>npm run build</code> (ou <code>npm start</code>) puis rechargez cette page. <span class="en">No package is built on this server: run npm run build (or npm start), then reload this page.</span></p>';
  return `${pageHead('Vigie MSSanté — téléchargements')}
<body>
<h1>Téléchargements <span class="en">— downloads</span></h1>
${body}
<p><a href="/">Retour à l’accueil</a> <span class="en">Back to the landing page</span></p>
</body></html>`;
}
