// How to install each client, in the order the landing page and the console give it (French, then English).
import type { Words } from './landing-states';

export interface InstallStep {
  title: string;
  /** The path on this server the step starts from. */
  path: string;
  fr: string;
  en: string;
}

export function installSteps(addinBuilt: boolean): InstallStep[] {
  return [
    {
      title: 'Outlook',
      path: '/outlook/manifest.xml',
      fr: `Téléchargez le manifeste du complément${addinBuilt ? '' : ' (pas encore construit\u00a0: npm run build)'}. Outlook sur le web ou nouvel Outlook\u00a0: Applications › Ajouter des applications › Mes compléments › Ajouter un complément personnalisé › Ajouter à partir d’un fichier, puis choisissez ce manifeste. Outlook classique (Windows)\u00a0: Fichier › Gérer les compléments, même démarche. Le certificat HTTPS du serveur doit être reconnu par le poste.`,
      en: `Download the add-in manifest${addinBuilt ? '' : ' (not built yet: npm run build)'}. Outlook on the web or new Outlook: Apps › Add apps › My add-ins › Add a custom add-in › Add from file, then pick that manifest. Classic Outlook (Windows): File › Manage add-ins, same steps. The server’s HTTPS certificate must be trusted by the machine.`,
    },
    {
      title: 'Thunderbird',
      path: '/downloads/',
      fr: 'Téléchargez le fichier .xpi, puis Outils › Modules complémentaires › ⚙ › Installer un module depuis un fichier.',
      en: 'Download the .xpi file, then Tools › Add-ons › ⚙ › Install Add-on From File.',
    },
    {
      title: 'Chrome, Edge, Firefox (webmail)',
      path: '/downloads/',
      fr: 'Chrome ou Edge\u00a0: décompressez le .zip, puis chrome://extensions › Mode développeur › Charger l’extension non empaquetée. Firefox\u00a0: about:debugging › Ce Firefox › Charger un module temporaire (le .xpi Firefox).',
      en: 'Chrome or Edge: unzip the .zip, then chrome://extensions › Developer mode › Load unpacked. Firefox: about:debugging › This Firefox › Load Temporary Add-on (the Firefox .xpi).',
    },
  ];
}

/** Said once the directory answers: the moment the server is ready for every client. */
export const READY: Words = {
  fr: 'Prêt\u00a0: l’Annuaire Santé répond, tous les clients peuvent se connecter.',
  en: 'Ready: the directory answers, every client can connect.',
};

/** Said when the first directory build failed: what the landing page shows, and where to look. */
export const NOT_READY: Words = {
  fr: 'L’Annuaire Santé n’a pas pu être construit\u00a0: la page d’accueil dit pourquoi et quoi faire.',
  en: 'The directory could not be built: the landing page says why and what to do.',
};
