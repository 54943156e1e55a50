// The queries of the directory benchmark: planted entries that one query should put first, and everyday queries
// drawn from the generated entries, in the ways people really type (names, prefixes, titles, profession nouns and
// feminine forms, one-letter typos in specialty and city words, La Poste abbreviations, two typos).
import { fold } from '../shared/directory/normalize';
import { CITIES, GIVEN_NAMES, PROFESSIONS, seededRandom, type SyntheticMailbox } from '../shared/directory/synthetic';
import { formsOf } from '../shared/directory/vocabulary';

export interface Query {
  q: string;
  /** A query typed the forgiving way (title, profession noun, feminine form, typo, abbreviation): it must be answered. */
  forgiving?: boolean;
  /** The planted address expected first, when the query targets a planted entry. */
  expect?: string;
  kind: string;
}

export const RARE = [
  'Quertier',
  'Vasquier',
  'Daubrée',
  'Kervella',
  'Lhermitte',
  'Ossart',
  'Brézillon',
  'Fauvelle',
  'Tardieu',
  'Peyrefitte',
  'Abgrall',
  'Rigaudière',
  'Sauvanet',
  'Coquelin',
  'Maubert',
  'Jolivet',
  'Ravenel',
  'Gastinel',
  'Castagné',
  'Lalande',
  'Mauduit',
  'Vernhes',
  'Thévenot',
  'Héraud',
  'Cazenave',
  'Ribière',
  'Esnault',
  'Trébuchet',
  'Bonnaventure',
  'Le Quéré',
  'Darrieussecq',
  'Ollivro',
  'Scheffler',
  'Nédélec',
  'Pouzargues',
  'Ferrandi',
  'Guézennec',
  'Lacombe-Arnaud',
  'Vigouroux',
  'Saint-Aubin',
];
const COMMON = ['Lefèvre', 'Martin', 'Dubois', 'Bernard', 'Moreau'];

const plain = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const slug = (s: string) =>
  fold(s)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Planted entries and one query each, in eight styles a user really types. */
export function plantedSet(): { mailboxes: SyntheticMailbox[]; queries: Query[] } {
  const rnd = seededRandom(2026);
  const mailboxes: SyntheticMailbox[] = [];
  const queries: Query[] = [];
  RARE.forEach((rare, i) => {
    const style = i % 8;
    const [city, postcode, dept] = CITIES[Math.floor(rnd() * 40)]!;
    if (style === 7) {
      const org = `CLINIQUE ${plain(rare).toUpperCase()}`;
      const m: SyntheticMailbox = {
        type: 'ORG',
        address: `secretariat.pneumologie@clinique-${slug(rare)}.mssante.fr`,
        rpps: '',
        civility: '',
        familyName: '',
        givenName: '',
        professionCode: '',
        profession: '',
        specialtyCode: '',
        specialty: '',
        service: 'Pneumologie',
        organisation: org,
        postcode,
        city,
        department: dept,
        structId: '1999000' + String(i).padStart(3, '0'),
        street: '',
      };
      mailboxes.push(m);
      queries.push({ q: `secretariat pneumo ${plain(rare).split(' ')[0]} ${plain(city).split(' ')[0]}`, expect: m.address, kind: 'org-service-city' });
      return;
    }
    const family = i % 4 === 1 ? `${COMMON[i % COMMON.length]}-${rare}` : rare;
    const given = GIVEN_NAMES[Math.floor(rnd() * GIVEN_NAMES.length)]!;
    const prof = PROFESSIONS[i % 3 === 0 ? 0 : Math.floor(rnd() * PROFESSIONS.length)]!;
    const spec = prof.specs.find((s) => s.label) ?? prof.specs[0]!;
    const m: SyntheticMailbox = {
      type: 'PER',
      address: `${slug(given)}.${slug(family)}@${rnd() < 0.5 ? prof.mailiz : `ch-${slug(city)}.mssante.fr`}`,
      rpps: `1009${String(1000000 + i * 7919).padStart(7, '0')}`,
      civility: prof.civ,
      familyName: family,
      givenName: given,
      professionCode: prof.code,
      profession: prof.label,
      specialtyCode: spec.code,
      specialty: spec.label,
      service: '',
      organisation: '',
      postcode,
      city,
      department: dept,
      structId: '',
      street: '',
    };
    mailboxes.push(m);
    const words = plain(family).split(' ');
    let q: string;
    let kind: string;
    switch (style) {
      case 0:
        q = `${given} ${family}`;
        kind = 'full-name';
        break;
      case 1:
        q = `${words.map((w) => w.slice(0, Math.max(4, w.length - 3))).join(' ')} ${plain(given).slice(0, 3)}`;
        kind = 'prefixes';
        break;
      case 2:
        q = `${plain(family)} ${plain(spec.label || prof.label)
          .split(' ')[0]!
          .slice(0, 5)} ${plain(city).split(' ')[0]}`;
        kind = 'name-specialty-city';
        break;
      case 3:
        q = `${plain(family).toUpperCase()} ${plain(given).toUpperCase()}`;
        kind = 'upper-no-accents';
        break;
      case 4:
        q = m.rpps;
        kind = 'rpps';
        break;
      case 5:
        q = m.address;
        kind = 'address';
        break;
      default: {
        // One typo: two neighbouring letters swapped in the longest word of the family name.
        const w = [...words].sort((a, b) => b.length - a.length)[0]!;
        const k = Math.floor(w.length / 2);
        const typo = w.slice(0, k - 1) + w[k] + w[k - 1] + w.slice(k + 1);
        q = `${plain(family).replace(w, typo)} ${plain(given)}`;
        kind = 'one-typo';
      }
    }
    queries.push({ q, expect: m.address, kind });
  });
  return { mailboxes, queries };
}

/** One letter left out in the middle of a word: "cardiologue" → "cardilogue". */
export const typo = (w: string): string => (w.length < 5 ? w : w.slice(0, Math.floor(w.length / 2)) + w.slice(Math.floor(w.length / 2) + 1));

/** The nouns people type for a specialty or profession, accents as they would type them. */
const ACCENTED: Record<string, string> = {
  generaliste: 'généraliste',
  pediatre: 'pédiatre',
  infirmiere: 'infirmière',
  kinesitherapeute: 'kinésithérapeute',
  geriatre: 'gériatre',
  gynecologue: 'gynécologue',
  anesthesiste: 'anesthésiste',
  dieteticienne: 'diététicienne',
};
const nounOf = (m: SyntheticMailbox): string | undefined => {
  const forms = formsOf(m.specialtyCode, m.specialty).filter((f) => f.length > 5);
  const f = forms[0] ?? formsOf(m.professionCode, m.profession).find((x) => x.length > 5);
  return f && (ACCENTED[f] ?? f);
};

/** Rare family names for the planted entries found the forgiving way. */
export const RARE_FORGIVING = [
  'Quaresma',
  'Lhuissier',
  'Vaucanson',
  'Grimaldi-Bost',
  'Tréguier',
  'Ollagnier',
  'Bechameil',
  'Courtillet',
  'Pastoureau',
  'Dauphinot',
  'Rigolleau',
  'Sauzéat',
  'Vervoort',
  'Maupertuis',
  'Kerangall',
  'Ducasson',
];

/** Planted entries and one forgiving query each: titles, nouns, feminine forms, typos, "St". */
export function forgivingPlanted(): { mailboxes: SyntheticMailbox[]; queries: Query[] } {
  const rnd = seededRandom(2027);
  const mailboxes: SyntheticMailbox[] = [];
  const queries: Query[] = [];
  const doctor = PROFESSIONS[0]!;
  RARE_FORGIVING.forEach((family, i) => {
    const style = i % 8;
    const given = GIVEN_NAMES[Math.floor(rnd() * GIVEN_NAMES.length)]!;
    const saints = CITIES.filter((c) => c[0].startsWith('Saint-'));
    const [city, postcode, dept] = style === 7 ? saints[i % saints.length]! : CITIES[Math.floor(rnd() * 60)]!;
    const prof = style === 4 ? PROFESSIONS[i % 2 ? 1 : 2]! : doctor;
    const spec = prof === doctor ? doctor.specs.filter((x) => formsOf(x.code, x.label).length)[i % 6]! : prof.specs[0]!;
    const m: SyntheticMailbox = {
      type: 'PER',
      address: `${slug(given)}.${slug(family)}@${i % 2 ? prof.mailiz : `ch-${slug(city)}.mssante.fr`}`,
      rpps: `1008${String(2000000 + i * 7919).padStart(7, '0')}`,
      civility: prof.civ,
      familyName: family,
      givenName: given,
      professionCode: prof.code,
      profession: prof.label,
      specialtyCode: spec.code,
      specialty: spec.label,
      service: '',
      organisation: i % 2 ? '' : `CENTRE HOSPITALIER DE ${plain(city).toUpperCase()}`,
      postcode,
      city,
      department: dept,
      structId: '',
      street: '',
    };
    mailboxes.push(m);
    const fam = plain(family);
    const noun = nounOf(m)!;
    const cityWords = plain(city).split(' ');
    const q = [
      `Dr ${family}`,
      `docteur ${given} ${family}`,
      `Mme ${family} ${given}`,
      `${noun} ${family}`,
      `${i % 2 ? 'pharmacienne' : 'infirmière'} ${family}`,
      `${typo(plain(noun))} ${fam}`,
      `${fam} ${typo([...cityWords].sort((a, b) => b.length - a.length)[0]!)}`,
      `${fam} st ${cityWords.slice(1).join(' ')}`,
    ][style]!;
    queries.push({
      q,
      expect: m.address,
      kind: ['title', 'title-given', 'civility', 'noun-name', 'feminine-name', 'noun-typo-name', 'name-city-typo', 'name-st-city'][style]!,
      forgiving: true,
    });
  });
  return { mailboxes, queries };
}

/**
 * Everyday queries drawn from the generated entries: names, prefixes, name + city, specialty, services, broad words;
 * and one in three typed the forgiving way (titles, profession nouns and feminine forms with a city, a wrong letter
 * in a specialty or city word, "St" for Saint), a few with two typos (nothing found: the suggestion path).
 */
export function backgroundQueries(sample: SyntheticMailbox[], n: number): Query[] {
  const rnd = seededRandom(99);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const people = sample.filter((m) => m.type === 'PER');
  const located = people.filter((m) => m.city);
  const named = located.filter((m) => nounOf(m));
  const saints = located.filter((m) => m.city.startsWith('Saint-'));
  const orgs = sample.filter((m) => m.type === 'ORG' && m.service);
  const out: Query[] = [];
  while (out.length < n) {
    const r = rnd();
    const p = pick(people);
    const fam = plain(p.familyName);
    const l = pick(located);
    const city = plain(l.city);
    if (r < 0.2) out.push({ q: fam, kind: 'family' });
    else if (r < 0.32) out.push({ q: fam.slice(0, 3 + Math.floor(rnd() * 3)), kind: 'family-prefix' });
    else if (r < 0.42) out.push({ q: `${p.givenName} ${p.familyName}`, kind: 'given-family' });
    else if (r < 0.52) out.push({ q: `${plain(l.familyName)} ${city}`, kind: 'family-city' });
    else if (r < 0.58)
      out.push({ q: `${plain(l.familyName)} ${plain(l.specialty || l.profession).slice(0, 6)} ${city.split(' ')[0]}`, kind: 'family-specialty-city' });
    else if (r < 0.62) {
      const o = pick(orgs);
      out.push({ q: `${plain(o.service).split(' ')[0]} ${plain(o.city)}`, kind: 'service-city' });
    } else if (r < 0.645) out.push({ q: pick(['cardio', 'lyon', 'ma', 'pharmacien paris', 'infirmier', 'secretariat', 'radiologie', 'le']), kind: 'broad' });
    else if (r < 0.7) out.push({ q: `${pick(['Dr', 'Docteur', 'Mme', 'M.', 'Pr'])} ${p.familyName}`, kind: 'title-family', forgiving: true });
    else if (r < 0.78) {
      const m = pick(named);
      out.push({ q: `${nounOf(m)} ${m.city}`, kind: 'noun-city', forgiving: true });
    } else if (r < 0.83) {
      const m = pick(located.filter((x) => x.professionCode === '21' || x.professionCode === '60'));
      out.push({ q: `${m.professionCode === '21' ? 'pharmacienne' : 'infirmière'} ${m.city}`, kind: 'feminine-city', forgiving: true });
    } else if (r < 0.88) {
      const m = pick(named);
      out.push({ q: `${typo(plain(nounOf(m)!))} ${plain(m.city)}`, kind: 'noun-typo-city', forgiving: true });
    } else if (r < 0.93)
      out.push({ q: `${plain(l.familyName)} ${typo(city.split(' ').sort((a, b) => b.length - a.length)[0]!)}`, kind: 'family-city-typo', forgiving: true });
    else if (r < 0.97 && saints.length) {
      const m = pick(saints);
      out.push({ q: `${plain(m.familyName)} st ${plain(m.city).split(' ').slice(1).join(' ')}`, kind: 'family-st-city', forgiving: true });
    } else out.push({ q: `${typo(fam)} ${typo(pick(['cardiologue', 'pharmacienne', 'generaliste', 'infirmiere', 'pediatre']))}`, kind: 'two-typos' });
  }
  return out;
}
