// Synthetic `Extraction_Correspondance_MSSante` files: the exact header, French names with accents and
// hyphens, professions and specialties with their TRE_G15 and TRE_R38 codes, the domain mix of the real file (national Mailiz domains, a long tail
// of hospital and practice domains, two apicrypt.org domains). Fully fictitious and reproducible from a seed.
import { EXTRACTION_COLUMNS } from './extraction';
import { fold } from './normalize';
import { PROFESSION_LABELS, SPECIALTY_LABELS } from './vocabulary';

/** A small fast seeded PRNG (sfc32). Same seed, same file, on every platform. */
export function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 + seed;
  let c = 0xb7e15162 ^ (seed * 31);
  let d = seed | 1;
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

export const FAMILY_NAMES = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Lefebvre',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Morel',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Lefèvre',
  'Faure',
  'André',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Garcia',
  'Perrin',
  'Robin',
  'Clément',
  'Morin',
  'Nicolas',
  'Henry',
  'Roussel',
  'Mathieu',
  'Gautier',
  'Masson',
  'Marchand',
  'Duval',
  'Denis',
  'Dumont',
  'Marie',
  'Lemaire',
  'Noël',
  'Meyer',
  'Dufour',
  'Meunier',
  'Brun',
  'Blanchard',
  'Giraud',
  'Joly',
  'Rivière',
  'Lucas',
  'Brunet',
  'Gaillard',
  'Barbier',
  'Arnaud',
  'Martinez',
  'Gérard',
  'Roche',
  'Renard',
  'Schmitt',
  'Roy',
  'Leroux',
  'Colin',
  'Vidal',
  'Caron',
  'Picard',
  'Roger',
  'Fabre',
  'Aubert',
  'Lemoine',
  'Renaud',
  'Dumas',
  'Lacroix',
  'Olivier',
  'Philippe',
  'Bourgeois',
  'Pierre',
  'Benoît',
  'Rey',
  'Leclerc',
  'Payet',
  'Rolland',
  'Leclercq',
  'Guillaume',
  'Lecomte',
  'Lopez',
  'Jean',
  'Dupuy',
  'Guillot',
  'Hubert',
  'Berger',
  'Carpentier',
  'Sanchez',
  'Dupuis',
  'Moulin',
  'Louis',
  'Deschamps',
  'Huet',
  'Vasseur',
  'Perez',
  'Boucher',
  'Fleury',
  'Royer',
  'Klein',
  'Jacquet',
  'Adam',
  'Paris',
  'Poirier',
  'Marty',
  'Aubry',
  'Guyot',
  'Carré',
  'Charles',
  'Renault',
  'Charpentier',
  'Ménard',
  'Maillard',
  'Baron',
  'Bertin',
  'Bailly',
  'Hervé',
  'Schneider',
  'Fernandez',
  'Le Gall',
  'Collet',
  'Léger',
  'Bouvier',
  'Julien',
  'Prévost',
  'Millet',
  'Perrot',
  'Daniel',
  'Le Roux',
  'Cousin',
  'Germain',
  'Breton',
  'Besson',
  'Langlois',
  'Rémy',
  'Le Goff',
  'Pelletier',
  'Lévêque',
  'Perrier',
  'Leblanc',
  'Barré',
  'Lebrun',
  'Marchal',
  'Weber',
  'Mallet',
  'Hamon',
  'Boulanger',
  'Jacob',
  'Monnier',
  'Michaud',
  'Rodriguez',
  'Guichard',
  'Gillet',
  'Étienne',
  'Grondin',
  'Poulain',
  'Tessier',
  'Chevallier',
  'Collin',
  'Chauvin',
  'Da Silva',
  'Bouchet',
  'Gay',
  'Lemaître',
  'Bénard',
  'Maréchal',
  'Humbert',
  'Reynaud',
  'Antoine',
  'Hoarau',
  'Perret',
  'Barthélemy',
  'Cordier',
  'Pichon',
  'Lejeune',
  'Gilbert',
  'Lamy',
  'Delaunay',
  'Pasquier',
  'Carlier',
  'Laporte',
  "N'Diaye",
  'Nguyen',
  'Diallo',
  'Traoré',
  'Haddad',
  'Benali',
  'Mansouri',
  'Cohen',
  'Lévy',
  'Kaci',
  'Coulibaly',
  'Tran',
  'Pham',
  'Da Costa',
  'Dos Santos',
  'Ferreira',
  'Rossi',
  "D'Almeida",
  'De Oliveira',
  'Saint-Martin',
  'Le Bihan',
  'Quéré',
  'Kerjean',
  'Le Floch',
  'Goasdoué',
  'Etcheverry',
  'Irigoyen',
  'Larrieu',
  'Courrèges',
  'Lœuillet',
  'Casanova',
  'Santoni',
  'Bartoli',
  'Grosjean',
  'Wagner',
  'Zimmermann',
  'Hoffmann',
  'Kieffer',
  'Metzger',
];

export const GIVEN_NAMES = [
  'Jean',
  'Marie',
  'Pierre',
  'Michel',
  'Philippe',
  'Nathalie',
  'Isabelle',
  'Catherine',
  'Sylvie',
  'Christine',
  'Alain',
  'Patrick',
  'Nicolas',
  'Christophe',
  'Stéphane',
  'Sophie',
  'Valérie',
  'Sandrine',
  'Laurent',
  'Frédéric',
  'Éric',
  'Olivier',
  'Julien',
  'Céline',
  'Aurélie',
  'Émilie',
  'Julie',
  'Camille',
  'Léa',
  'Chloé',
  'Manon',
  'Inès',
  'Zoé',
  'Anaïs',
  'Noémie',
  'Maëlle',
  'Gaëlle',
  'Joël',
  'Hélène',
  'Jérôme',
  'François',
  'Françoise',
  'Thérèse',
  'Agnès',
  'Benoît',
  'Clément',
  'Grégoire',
  'Loïc',
  'Raphaël',
  'Mathéo',
  'Timothée',
  'Anne',
  'Élodie',
  'Mélanie',
  'Delphine',
  'Karine',
  'Virginie',
  'Caroline',
  'Guillaume',
  'Sébastien',
  'Thomas',
  'Antoine',
  'Alexandre',
  'Maxime',
  'Hugo',
  'Lucas',
  'Louis',
  'Arthur',
  'Paul',
  'Emma',
  'Jade',
  'Louise',
  'Alice',
  'Lina',
  'Rose',
  'Ambre',
  'Mohamed',
  'Karim',
  'Yasmine',
  'Fatima',
  'Nadia',
  'Mehdi',
  'Sarah',
  'David',
  'Thi Lan',
  'Jean-Pierre',
  'Jean-Marc',
  'Jean-Luc',
  'Jean-François',
  'Jean-Michel',
  'Marie-Hélène',
  'Marie-Christine',
  'Anne-Sophie',
  'Anne-Laure',
  'Marie-Claire',
  'Pierre-Yves',
  'Jean-Baptiste',
  'Marie-Ève',
  'Léna',
  'Aïcha',
  'Éloïse',
  'Noël',
  'Josée',
];

interface Speciality {
  code: string;
  label: string;
  w: number;
}
interface Profession {
  code: string;
  label: string;
  w: number;
  civ: string;
  mailiz: string;
  specs: Speciality[];
}

/** Specialties by TRE_R38 code and weight; labels from the vocabulary table, as the extraction writes them. */
const specs = (list: [string, number][]): Speciality[] => list.map(([code, w]) => ({ code, label: code ? SPECIALTY_LABELS[code]! : '', w }));
const profession = (code: string, w: number, civ: string, mailiz: string, list: [string, number][]): Profession => ({
  code,
  label: PROFESSION_LABELS[code]!,
  w,
  civ,
  mailiz,
  specs: specs(list),
});

export const PROFESSIONS: Profession[] = [
  profession('10', 46, 'DR', 'medecin.mssante.fr', [
    ['SM53', 22],
    ['SM26', 14],
    ['SM54', 4],
    ['SM04', 5],
    ['SM02', 5],
    ['SM44', 4],
    ['SM42', 5],
    ['SM40', 4],
    ['SM20', 3],
    ['SM38', 3],
    ['SM15', 2],
    ['SM24', 2],
    ['SM41', 2],
    ['SM32', 2],
    ['SM48', 1],
    ['SM30', 1],
    ['SM34', 1],
    ['SM62', 1],
    ['SM08', 2],
    ['SM14', 1],
    ['SM59', 3],
    ['SM18', 2],
    ['SM01', 1],
    ['SM36', 2],
    ['SM25', 1],
    ['SM03', 1],
  ]),
  profession('21', 15, '', 'pharmacien.mssante.fr', [
    ['', 9],
    ['SM03', 1],
  ]),
  profession('60', 17, '', 'infirmier.mssante.fr', [
    ['', 10],
    ['SI06', 1],
    ['SI07', 1],
    ['SI08', 1],
  ]),
  profession('40', 7, 'DR', 'chirurgien-dentiste.mssante.fr', [
    ['', 8],
    ['SCD01', 1],
    ['SCD02', 1],
  ]),
  profession('70', 7, '', 'masseur-kinesitherapeute.mssante.fr', [['', 1]]),
  profession('50', 3, '', 'sage-femme.mssante.fr', [['', 1]]),
  profession('80', 1.5, '', 'pedicure-podologue.mssante.fr', [['', 1]]),
  profession('91', 1.5, '', 'orthophoniste.mssante.fr', [['', 1]]),
  profession('92', 0.5, '', 'pro.mssante.fr', [['', 1]]),
  profession('94', 0.5, '', 'pro.mssante.fr', [['', 1]]),
  profession('95', 0.5, '', 'pro.mssante.fr', [['', 1]]),
];

/** Cities: name, postcode, department, weight (≈ population). */
export const CITIES: [string, string, string, number][] = [
  ['Paris', '75013', '75', 40],
  ['Marseille', '13005', '13', 16],
  ['Lyon', '69003', '69', 14],
  ['Toulouse', '31059', '31', 10],
  ['Nice', '06000', '06', 7],
  ['Nantes', '44093', '44', 7],
  ['Montpellier', '34295', '34', 7],
  ['Strasbourg', '67091', '67', 6],
  ['Bordeaux', '33076', '33', 6],
  ['Lille', '59037', '59', 6],
  ['Rennes', '35033', '35', 5],
  ['Reims', '51092', '51', 4],
  ['Saint-Étienne', '42055', '42', 4],
  ['Le Havre', '76600', '76', 3],
  ['Toulon', '83000', '83', 3],
  ['Grenoble', '38043', '38', 4],
  ['Dijon', '21079', '21', 3],
  ['Angers', '49933', '49', 3],
  ['Nîmes', '30029', '30', 3],
  ['Villeurbanne', '69100', '69', 2],
  ['Clermont-Ferrand', '63003', '63', 3],
  ['Le Mans', '72037', '72', 2],
  ['Aix-en-Provence', '13100', '13', 3],
  ['Brest', '29609', '29', 3],
  ['Tours', '37044', '37', 3],
  ['Amiens', '80054', '80', 3],
  ['Limoges', '87042', '87', 2],
  ['Annecy', '74000', '74', 2],
  ['Perpignan', '66046', '66', 2],
  ['Boulogne-Billancourt', '92100', '92', 2],
  ['Metz', '57038', '57', 2],
  ['Besançon', '25030', '25', 2],
  ['Orléans', '45067', '45', 2],
  ['Saint-Denis', '97400', '974', 2],
  ['Rouen', '76031', '76', 3],
  ['Mulhouse', '68070', '68', 2],
  ['Caen', '14033', '14', 2],
  ['Nancy', '54035', '54', 3],
  ['Saint-Pierre', '97410', '974', 1],
  ['Roubaix', '59100', '59', 1],
  ['Nanterre', '92000', '92', 1],
  ['Créteil', '94010', '94', 2],
  ['Avignon', '84902', '84', 2],
  ['Poitiers', '86021', '86', 2],
  ['Versailles', '78000', '78', 2],
  ['Pau', '64046', '64', 1],
  ['La Rochelle', '17019', '17', 1],
  ['Calais', '62100', '62', 1],
  ['Béziers', '34525', '34', 1],
  ['Colmar', '68024', '68', 1],
  ['Bourges', '18020', '18', 1],
  ['Ajaccio', '20000', '2A', 1],
  ['Bastia', '20600', '2B', 1],
  ['Quimper', '29107', '29', 1],
  ['Valence', '26953', '26', 1],
  ['Pointe-à-Pitre', '97159', '971', 1],
  ['Fort-de-France', '97261', '972', 1],
  ['Cayenne', '97306', '973', 1],
  ['Chambéry', '73011', '73', 1],
  ['Troyes', '10003', '10', 1],
  ['Niort', '79021', '79', 1],
  ['Lorient', '56322', '56', 1],
  ['Vannes', '56017', '56', 1],
  ['Belfort', '90016', '90', 1],
  ['Chartres', '28018', '28', 1],
  ['Évreux', '27023', '27', 1],
  ['Laval', '53015', '53', 1],
  ['Saint-Brieuc', '22027', '22', 1],
  ['Périgueux', '24019', '24', 1],
  ['Agen', '47923', '47', 1],
  ['Tarbes', '65013', '65', 1],
  ['Albi', '81013', '81', 1],
  ['Rodez', '12027', '12', 1],
  ['Montauban', '82013', '82', 1],
  ['Carcassonne', '11890', '11', 1],
  ['Gap', '05007', '05', 0.5],
  ['Digne-les-Bains', '04003', '04', 0.5],
  ['Mende', '48001', '48', 0.5],
  ['Aurillac', '15002', '15', 0.5],
  ['Le Puy-en-Velay', '43012', '43', 0.5],
  ['Moulins', '03006', '03', 0.5],
  ['Nevers', '58033', '58', 0.5],
  ['Auxerre', '89011', '89', 0.5],
  ['Mâcon', '71018', '71', 0.5],
  ['Lons-le-Saunier', '39016', '39', 0.5],
  ['Vesoul', '70014', '70', 0.5],
  ['Épinal', '88021', '88', 0.5],
  ['Bar-le-Duc', '55012', '55', 0.5],
  ['Charleville-Mézières', '08011', '08', 0.5],
  ['Laon', '02001', '02', 0.5],
  ['Beauvais', '60021', '60', 0.5],
  ['Arras', '62022', '62', 1],
  ['Alençon', '61014', '61', 0.5],
  ['Saint-Lô', '50009', '50', 0.5],
  ['Cherbourg-en-Cotentin', '50102', '50', 0.5],
  ['Guéret', '23011', '23', 0.3],
  ['Tulle', '19012', '19', 0.3],
  ['Châteauroux', '36019', '36', 0.5],
  ['Blois', '41016', '41', 0.5],
  ['Mont-de-Marsan', '40024', '40', 0.5],
  ['Foix', '09017', '09', 0.3],
  ['Auch', '32008', '32', 0.3],
  ['Melun', '77011', '77', 1],
  ['Évry-Courcouronnes', '91014', '91', 1],
  ['Cergy', '95303', '95', 1],
  ['Bobigny', '93009', '93', 1],
  ['Mamoudzou', '97600', '976', 0.5],
  ['Bourg-en-Bresse', '01012', '01', 0.5],
  ['Annemasse', '74100', '74', 0.5],
  ['Dax', '40107', '40', 0.5],
  ['Bayonne', '64109', '64', 1],
  ['Cholet', '49325', '49', 0.5],
];

const SERVICES = [
  'Cardiologie',
  'Pneumologie',
  'Neurologie',
  'Pédiatrie',
  'Maternité',
  'Urgences',
  'Radiologie',
  'Imagerie médicale',
  'Oncologie',
  'Gériatrie',
  'Psychiatrie adulte',
  'Chirurgie orthopédique',
  'Chirurgie viscérale',
  'Néphrologie',
  'Dialyse',
  'Gastro-entérologie',
  'Endocrinologie',
  'Rhumatologie',
  'Dermatologie',
  'Ophtalmologie',
  'ORL',
  'Médecine interne',
  'Soins palliatifs',
  'Réanimation',
  'Anesthésie',
  'Laboratoire de biologie médicale',
  'Pharmacie à usage intérieur',
  "Département d'information médicale",
  'Consultations externes',
  'Hôpital de jour',
  'Soins de suite et de réadaptation',
  'Addictologie',
  'Infectiologie',
  'Hématologie',
  'Urologie',
  'Gynécologie',
];
const ORG_LOCALS = ['secretariat', 'secretariat.medical', 'accueil', 'contact', 'service', 'sec', 'rdv', 'correspondance', 'courrier'];
const VOIES = ['RUE', 'AV', 'BD', 'PL', 'CHE', 'ALL', 'QUAI', 'RTE'];
const VOIE_NAMES = [
  'DE LA RÉPUBLIQUE',
  'VICTOR HUGO',
  'JEAN JAURÈS',
  'DU GÉNÉRAL DE GAULLE',
  'PASTEUR',
  'DES LILAS',
  'GAMBETTA',
  "DE L'HÔPITAL",
  'DU MARÉCHAL FOCH',
  'SAINT-JACQUES',
  'DES ÉCOLES',
  'LÉON BLUM',
];

interface Institution {
  domain: string;
  name: string;
  kind: 'hospital' | 'clinic' | 'lab' | 'practice' | 'ehpad' | 'health-centre' | 'apicrypt' | 'pharmacrypt';
  city: number;
  orgShare: number;
  structId: string;
  cedex: boolean;
}

/** An institution's postcode: one per institution (Paris: its arrondissement). */
function instPostcode(inst: Institution): string {
  const [, postcode, dept] = CITIES[inst.city]!;
  return dept === '75' ? `750${String(1 + (Number(inst.structId.slice(-4)) % 20)).padStart(2, '0')}` : postcode;
}

function pickWeighted<T>(rnd: () => number, items: T[], cumulative: number[]): T {
  const x = rnd() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return items[lo]!;
}

function cumulate(ws: number[]): number[] {
  let s = 0;
  return ws.map((w) => (s += w));
}

const slug = (s: string) =>
  fold(s)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** One generated mailbox, with the values of the extraction's columns. */
export interface SyntheticMailbox {
  type: 'PER' | 'ORG';
  address: string;
  rpps: string;
  civility: string;
  familyName: string;
  givenName: string;
  professionCode: string;
  profession: string;
  specialtyCode: string;
  specialty: string;
  service: string;
  organisation: string;
  postcode: string;
  city: string;
  department: string;
  structId: string;
  street: string;
  /** The routing line ends with CEDEX (large organisations). */
  cedex?: boolean;
}

/** The L6 routing line as La Poste writes it: "42000 ST ETIENNE", "69003 LYON CEDEX"; empty without an address. */
export function routingLine(m: Pick<SyntheticMailbox, 'postcode' | 'city' | 'cedex'>): string {
  if (!m.postcode && !m.city) return '';
  const city = fold(m.city)
    .toUpperCase()
    .replace(/-/g, ' ')
    .replace(/^SAINTE /, 'STE ')
    .replace(/^SAINT /, 'ST ');
  return `${m.postcode} ${city}${m.cedex ? ' CEDEX' : ''}`;
}

/** The line of the extraction for one mailbox (31 columns, in the published order). */
export function extractionLine(m: SyntheticMailbox): string {
  const per = m.type === 'PER';
  const cells: string[] = [
    m.type,
    m.address,
    per ? '8' : '',
    per ? m.rpps : '',
    per ? `8${m.rpps}` : '',
    m.structId ? '1' : '',
    m.structId,
    m.service,
    m.civility,
    m.familyName.toUpperCase(),
    m.givenName,
    per ? 'C' : '',
    per ? 'Civil' : '',
    m.professionCode,
    m.profession,
    m.specialtyCode,
    m.specialty,
    m.address.length % 3 === 0 ? 'true' : 'false',
    m.organisation,
    '',
    '',
    '',
    m.street ? m.street.split(' ')[0]! : '',
    '',
    m.street ? m.street.split(' ')[1]! : '',
    m.street ? m.street.split(' ').slice(2).join(' ') : '',
    '',
    routingLine(m),
    m.postcode,
    m.department,
    m.postcode ? 'France' : '',
  ];
  return cells.join('|');
}

export const EXTRACTION_HEADER = EXTRACTION_COLUMNS.join('|');

export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** Mailboxes inserted at evenly spread positions (they count in `count`). */
  planted?: SyntheticMailbox[];
}

/**
 * Generates `count` mailboxes: ≈85 % PER, ≈15 % ORG; ≈40 % on the national Mailiz domains (medecin.mssante.fr
 * the largest), the rest over ≈5,000 hospital, clinic, laboratory and practice domains with a long tail.
 * About one professional in ten holds a second mailbox on another domain. Shaped like the real file: most
 * personal mailboxes on national domains have no address, the civilité d'exercice is DR, PR or empty, an
 * organisation has one city and one structure id, routing lines abbreviate Saint (ST) and may end with CEDEX, and
 * a few addresses are repeated on a second line with another place.
 */
export function* syntheticMailboxes(opts: SyntheticOptions): Generator<SyntheticMailbox> {
  const rnd = seededRandom(opts.seed ?? 1);
  const planted = opts.planted ?? [];
  const count = opts.count;
  const used = new Set<string>(planted.map((p) => p.address));
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const cityCum = cumulate(CITIES.map((c) => c[3]));
  const cityIdx = CITIES.map((_, k) => k);
  const profCum = cumulate(PROFESSIONS.map((p) => p.w));
  const specCums = PROFESSIONS.map((p) => cumulate(p.specs.map((s) => s.w)));
  // Surnames follow a long-tailed distribution: the first of the list are the most frequent.
  const famCum = cumulate(FAMILY_NAMES.map((_, i) => 1 / Math.pow(i + 3, 0.8)));
  const givenCum = cumulate(GIVEN_NAMES.map((_, i) => 1 / Math.pow(i + 5, 0.6)));

  const nInst = Math.max(4, Math.round((count / 535000) * 5000));
  const insts: Institution[] = [];
  const instDomains = new Set<string>();
  const kinds: [Institution['kind'], string, number][] = [
    ['hospital', 'CENTRE HOSPITALIER', 0.12],
    ['clinic', 'CLINIQUE', 0.12],
    ['lab', 'LABORATOIRE', 0.25],
    ['practice', 'CABINET MEDICAL', 0.12],
    ['ehpad', 'EHPAD', 0.5],
    ['health-centre', 'CENTRE DE SANTE', 0.2],
  ];
  const SAINTS = [
    'SAINT-JOSEPH',
    'SAINTE-ANNE',
    'DU PARC',
    'DES CEDRES',
    'LES TILLEULS',
    'DU LAC',
    'PASTEUR',
    'SAINT-LUC',
    'DE LA LOIRE',
    'BELLEVUE',
    'LES ORMES',
    'SAINT-VINCENT',
    'DU VAL',
    'MONTSOURIS',
    'BEAUSOLEIL',
  ];
  for (let i = 0; insts.length < nInst; i++) {
    const city = pickWeighted(rnd, cityIdx, cityCum);
    const cityName = CITIES[city]![0];
    const [kind, label, orgShare] = i === 0 ? kinds[0]! : pick(kinds);
    let name: string;
    let domain: string;
    if (kind === 'hospital') {
      const chu = rnd() < 0.3;
      name = `${chu ? 'CHU' : 'CENTRE HOSPITALIER'} DE ${fold(cityName).toUpperCase().replace(/-/g, ' ')}`;
      domain = `${chu ? 'chu' : 'ch'}-${slug(cityName)}.mssante.fr`;
    } else {
      const tag = kind === 'practice' ? pick(FAMILY_NAMES) : pick(SAINTS);
      name = `${label} ${fold(tag).toUpperCase()}`;
      const region = rnd() < 0.3 ? `.${pick(['aura', 'oc', 'sisra', 'bfc', 'paca', 'ghtcoeurgrandest', 'elsan', 'ramsaygds'])}` : '';
      domain = `${slug(kind === 'practice' ? `cab-${tag}-${cityName}` : `${kind === 'ehpad' ? 'ehpad' : kind === 'lab' ? 'labo' : kind === 'clinic' ? 'clinique' : 'cds'}-${tag}`)}${region}.mssante.fr`;
    }
    if (instDomains.has(domain)) domain = domain.replace('.mssante.fr', `-${insts.length}.mssante.fr`);
    instDomains.add(domain);
    insts.push({
      domain,
      name,
      kind,
      city,
      orgShare,
      structId: `1${String(100000000 + int(899999999))}`,
      cedex: (kind === 'hospital' || kind === 'clinic') && rnd() < 0.5,
    });
  }
  insts.push({ domain: 'mssante.apicrypt.org', name: '', kind: 'apicrypt', city: 0, orgShare: 0, structId: '', cedex: false });
  insts.push({ domain: 'pharmacrypt.mssante.fr', name: '', kind: 'pharmacrypt', city: 0, orgShare: 0, structId: '', cedex: false });
  const instCum = cumulate(
    insts.map((inst, i) =>
      inst.kind === 'apicrypt' ? 20 : inst.kind === 'pharmacrypt' ? 15 : ((inst.kind === 'hospital' ? 4 : 1) / Math.pow(i + 2, 1.15)) * 60,
    ),
  );

  const people: SyntheticMailbox[] = [];
  const plantEvery = planted.length ? Math.floor(count / (planted.length + 1)) : 0;
  let nextPlant = 0;
  const uniqueAddress = (local: string, domain: string): string => {
    let a = `${local}@${domain}`;
    for (let k = 2; used.has(a); k++) a = `${local}${k}@${domain}`;
    used.add(a);
    return a;
  };
  const name = () => {
    let fam = pickWeighted(rnd, FAMILY_NAMES, famCum);
    if (rnd() < 0.06) fam = `${fam}-${pickWeighted(rnd, FAMILY_NAMES, famCum)}`;
    return { familyName: fam, givenName: pickWeighted(rnd, GIVEN_NAMES, givenCum) };
  };
  const street = () => `${1 + int(180)} ${pick(VOIES)} ${pick(VOIE_NAMES)}`;

  for (let i = 0; i < count; i++) {
    if (plantEvery && nextPlant < planted.length && i === plantEvery * (nextPlant + 1)) {
      yield planted[nextPlant++]!;
      continue;
    }
    // The extraction repeats a few addresses (≈ 169 lines in 535,000): the same mailbox at a second place.
    if (people.length > 100 && rnd() < 0.0003) {
      const p = people[int(people.length)]!;
      const inst = insts[int(insts.length - 2)]!;
      const [cityName, , dept] = CITIES[inst.city]!;
      yield {
        ...p,
        organisation: inst.name,
        postcode: instPostcode(inst),
        service: '',
        city: cityName,
        department: dept,
        structId: inst.structId,
        street: street(),
        cedex: inst.cedex,
      };
      continue;
    }
    // A second mailbox of someone already generated, on another domain.
    if (people.length > 100 && rnd() < 0.08) {
      const p = people[int(people.length)]!;
      const inst = pickWeighted(rnd, insts, instCum);
      if (inst.kind !== 'apicrypt' && inst.kind !== 'pharmacrypt' && !p.address.endsWith(`@${inst.domain}`)) {
        const [cityName, , dept] = CITIES[inst.city]!;
        const postcode = instPostcode(inst);
        yield {
          ...p,
          address: uniqueAddress(p.address.slice(0, p.address.indexOf('@')), inst.domain),
          organisation: inst.name,
          service: '',
          city: cityName,
          postcode,
          department: dept,
          structId: inst.structId,
          street: street(),
          cedex: inst.cedex,
        };
        continue;
      }
    }
    const onMailiz = rnd() < 0.27;
    const inst = onMailiz ? null : pickWeighted(rnd, insts, instCum);
    const org = !!inst && inst.kind !== 'apicrypt' && inst.kind !== 'pharmacrypt' && rnd() < inst.orgShare;
    const [cityName, postcode, dept] =
      CITIES[inst && inst.kind !== 'apicrypt' && inst.kind !== 'pharmacrypt' ? inst.city : pickWeighted(rnd, cityIdx, cityCum)]!;
    const pc = inst?.structId ? instPostcode(inst) : dept === '75' ? `750${String(1 + int(20)).padStart(2, '0')}` : postcode;
    if (org && inst) {
      const service = rnd() < 0.8 ? pick(SERVICES) : '';
      const local = service ? `${pick(ORG_LOCALS)}.${slug(service).replace(/-/g, rnd() < 0.5 ? '.' : '-')}` : pick(ORG_LOCALS);
      yield {
        type: 'ORG',
        address: uniqueAddress(local, inst.domain),
        rpps: '',
        civility: '',
        familyName: '',
        givenName: '',
        professionCode: '',
        profession: '',
        specialtyCode: '',
        specialty: '',
        service,
        organisation: inst.name,
        postcode: pc,
        city: cityName,
        department: dept,
        structId: inst.structId,
        street: street(),
        cedex: inst.cedex,
      };
      continue;
    }
    let prof = pickWeighted(rnd, PROFESSIONS, profCum);
    if (inst?.kind === 'apicrypt') prof = PROFESSIONS[0]!;
    if (inst?.kind === 'pharmacrypt') prof = PROFESSIONS[1]!;
    const spec = pickWeighted(rnd, prof.specs, specCums[PROFESSIONS.indexOf(prof)]!);
    const { familyName, givenName } = name();
    const g = slug(givenName);
    const f = slug(familyName);
    const local = rnd() < 0.8 ? `${g}.${f}` : rnd() < 0.5 ? `${g[0]}.${f}` : `${f}.${g}`;
    const domain = inst ? inst.domain : prof.mailiz;
    const m: SyntheticMailbox = {
      type: 'PER',
      address: uniqueAddress(local, domain),
      rpps: `10${String(int(1e9)).padStart(9, '0')}`,
      civility: prof.civ && rnd() < 0.9 ? (rnd() < 0.04 ? 'PR' : prof.civ) : '',
      familyName,
      givenName,
      professionCode: prof.code,
      profession: prof.label,
      specialtyCode: spec.code,
      specialty: spec.label,
      service: inst && inst.kind === 'hospital' && rnd() < 0.3 ? pick(SERVICES) : '',
      organisation: inst && inst.name ? inst.name : '',
      postcode: pc,
      city: cityName,
      department: dept,
      structId: inst ? inst.structId : '',
      street: inst ? street() : '',
      cedex: !!inst?.cedex,
    };
    // Personal mailboxes on the national domains (and Apicrypt, Pharmacrypt) often carry no address at all.
    if ((!inst || !inst.name) && rnd() < 0.6) Object.assign(m, { postcode: '', city: '', department: '' });
    if (people.length < 200000) people.push(m);
    yield m;
  }
}

/** The text of a whole synthetic extraction, in chunks of about `linesPerChunk` lines (header first). */
export function* syntheticExtraction(opts: SyntheticOptions & { linesPerChunk?: number; crlf?: boolean; bom?: boolean }): Generator<string> {
  const eol = opts.crlf ? '\r\n' : '\n';
  yield (opts.bom ? '\ufeff' : '') + EXTRACTION_HEADER + eol;
  const per = opts.linesPerChunk ?? 2000;
  let buf: string[] = [];
  for (const m of syntheticMailboxes(opts)) {
    buf.push(extractionLine(m));
    if (buf.length >= per) {
      yield buf.join(eol) + eol;
      buf = [];
    }
  }
  if (buf.length) yield buf.join(eol) + eol;
}
