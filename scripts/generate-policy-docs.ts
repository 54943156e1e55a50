// Writes docs/policy-keys.md from the policy schema (run by `npm run docs`; a test checks it is up to date).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyDocsTable } from '../manifests/policies/templates';

const text = `# Clés de la politique Vigie MSSanté / Vigie MSSanté policy keys

Généré depuis \`shared/config/policy.schema.json\` par \`npm run docs\` ; ne pas modifier à la main.
Generated from \`shared/config/policy.schema.json\` by \`npm run docs\`; do not edit by hand.

## Français

${policyDocsTable('fr')}
## English

${policyDocsTable('en')}`;
writeFileSync(join(__dirname, '../docs/policy-keys.md'), text);
console.log('wrote docs/policy-keys.md');
