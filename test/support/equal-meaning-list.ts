// The same liste blanche written differently: XML comments between and inside entries, domain names in CDATA
// sections or with character references, other fields with character references. The canonical form (exclusive
// C14N without comments, what the signature covers) is unchanged, so a valid signature still holds. The Signature
// element itself is left as it is.

const DOT = '&#x2E;';

function rewriteEntry(entry: string, n: number): string {
  const withName = entry.replace(/<Nom>([^<]*)<\/Nom>/, (_, name: string) =>
    n % 2 === 0 && !name.includes('&') ? `<Nom><![CDATA[${name}]]></Nom>` : `<Nom>${name.replace(/\./g, DOT).replace(/^(.)/, '$1<!-- relu -->')}</Nom>`,
  );
  // Character references outside the name: a letter, and an accented letter where there is one.
  return withName
    .replace(/<Description>([^<]*)<\/Description>/, (_, d: string) => `<Description>${d.replace(/e/g, '&#101;').replace(/é/g, '&#xE9;')}</Description>`)
    .replace(/<DNCertificatOperateur>([^<]*)<\/DNCertificatOperateur>/, (all: string, d: string) =>
      d.includes('&') ? all : `<DNCertificatOperateur><![CDATA[${d}]]></DNCertificatOperateur>`,
    );
}

/** `signed` rewritten with the same meaning (see the file comment). */
export function equalMeaningListeBlanche(signed: string): string {
  const sigAt = signed.indexOf('<Signature');
  if (sigAt < 0) throw new Error('no Signature element');
  let n = 0;
  const body = signed
    .slice(0, sigAt)
    .replace('<ListeDomaines>', '<!-- Liste relue --><ListeDomaines><!-- début -->')
    .replace(/<Domaine>[\s\S]*?<\/Domaine>/g, (entry) => `${rewriteEntry(entry, n++)}<!-- ${n} -->`);
  return `${body}<!-- signature -->${signed.slice(sigAt)}<!-- fin -->`;
}
