import { browserLanguage, partNames } from './messages';

describe('the webmail extension’s language and wording', () => {
  it('speaks French when the browser UI or the first preferred language is French, or when neither can be told', () => {
    // A French user of an English-only browser build (Debian's Firefox ESR without its French pack).
    expect(browserLanguage('en-US', ['fr-FR', 'fr', 'en'])).toBe('fr');
    expect(browserLanguage('fr', ['en-GB'])).toBe('fr');
    expect(browserLanguage(undefined, [])).toBe('fr');
    expect(browserLanguage('de-DE', ['de'])).toBe('fr');
    expect(browserLanguage('en-GB', ['en-GB', 'fr'])).toBe('en');
    expect(browserLanguage(undefined, ['en-US'])).toBe('en');
  });

  it('names the parts of a page Vigie could not find', () => {
    expect(partNames(['to'], 'fr')).toBe('le champ À');
    expect(partNames(['to', 'body', 'send'], 'fr')).toBe('le champ À, le texte du message et le bouton Envoyer');
    expect(partNames(['send'], 'en')).toBe('the Send button');
  });
});
