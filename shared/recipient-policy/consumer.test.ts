import Ajv from 'ajv';
import data from './data/consumer-domains.json';
import schema from './data/consumer-domains.schema.json';
import { consumerProvider, consumerDomainCount } from './consumer';

describe('consumer provider list (data)', () => {
  it('validates against its schema and has no domain twice', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(data)).toBe(true);
    const all = data.providers.flatMap((p) => p.domains);
    expect(new Set(all).size).toBe(all.length);
    expect(consumerDomainCount).toBe(all.length);
  });
  it('names the provider', () => {
    expect(consumerProvider('wanadoo.fr')).toBe('Orange / Wanadoo');
    expect(consumerProvider('chu-lyon.fr')).toBeUndefined();
    expect(consumerProvider('x.fai.fr', ['*.fai.fr'])).toBe('x.fai.fr');
  });
});
