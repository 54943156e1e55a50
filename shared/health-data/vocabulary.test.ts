import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import schema from './vocabulary/vocabulary.schema.json';
import './index';
import { Lexicon, textVocabularies, textVocabulariesInUse, attachmentVocabularies, vocabularies } from './lexicon';
import { termWords } from './fold';

const dir = join(__dirname, 'vocabulary');

describe('vocabulary lists', () => {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  it('every vocabulary file validates against the schema and is loaded', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'vocabulary.schema.json');
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(Object.keys(vocabularies).sort());
    for (const f of files) {
      const ok = validate(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      expect({ file: f, errors: validate.errors ?? null }).toEqual({ file: f, errors: null });
      expect(ok).toBe(true);
    }
  });

  it('every extension file (vocabulary/extended/) validates, adds to existing categories with their weight, and is in use', () => {
    const extended = join(dir, 'extended');
    const files = readdirSync(extended).filter((f) => f.endsWith('.json'));
    const inUse = textVocabulariesInUse();
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(
      Object.keys(inUse)
        .filter((k) => !(k in textVocabularies))
        .sort(),
    );
    const core = new Map(Object.values(textVocabularies).flatMap((v) => Object.entries(v.categories)));
    for (const f of files) {
      const file = JSON.parse(readFileSync(join(extended, f), 'utf8'));
      expect({ file: f, ok: validate(file), errors: validate.errors ?? null }).toEqual({ file: f, ok: true, errors: null });
      for (const [name, cat] of Object.entries(file.categories as Record<string, { weight: number }>))
        expect({ name, weight: cat.weight }).toEqual({ name, weight: core.get(name)?.weight });
    }
  });

  it('the schema refuses a malformed file', () => {
    expect(validate({ description: 'x', categories: { bad: { weight: 2, label: { fr: 'a', en: 'b' }, terms: ['x'] } } })).toBe(false);
    expect(validate({ description: 'x', categories: { ok: { weight: 1, label: { fr: 'a' }, terms: ['x'] } } })).toBe(false);
    expect(validate({ description: 'x', categories: { ok: { weight: 1, label: { fr: 'a', en: 'b' }, terms: [' x'] } } })).toBe(false);
  });

  it('no term means two things: within a lexicon, a folded term belongs to one category', () => {
    for (const files of [textVocabulariesInUse(), attachmentVocabularies]) {
      const owner = new Map<string, string>();
      for (const vocab of Object.values(files)) {
        for (const [name, cat] of Object.entries(vocab.categories)) {
          for (const term of cat.terms) {
            const key = termWords(term).join(' ');
            const prev = owner.get(key);
            if (prev !== undefined && prev !== name) throw new Error(`"${term}" is in ${prev} and ${name}`);
            owner.set(key, name);
          }
        }
      }
    }
  });

  it('compiles, and refuses a misplaced wildcard', () => {
    expect(() => new Lexicon(textVocabularies)).not.toThrow();
    expect(() => new Lexicon(textVocabulariesInUse())).not.toThrow();
    expect(() => new Lexicon({ x: { description: 'x', categories: { c: { weight: 1, label: { fr: 'a', en: 'b' }, terms: ['ab*cd'] } } } })).toThrow(/wildcard/);
  });
});
