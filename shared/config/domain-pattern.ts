// The one domain-pattern rule of every list IT writes (internal, allowed, refused and consumer domains, webmail
// hosts): `example.fr` matches exactly, `*.example.fr` matches it and every subdomain. Case and a final dot are ignored.
export function domainMatches(domain: string, patterns: readonly string[]): boolean {
  const d = domain.toLowerCase().replace(/\.$/, '');
  for (const raw of patterns) {
    const p = raw.toLowerCase().replace(/\.$/, '');
    if (p.startsWith('*.')) {
      const base = p.slice(2);
      if (d === base || d.endsWith(`.${base}`)) return true;
    } else if (d === p) return true;
  }
  return false;
}
