/** True when `host` is one of the patterns: exact, or `*.` for the domain and its subdomains. */
export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return patterns.some((raw) => {
    const p = raw.toLowerCase();
    return p.startsWith('*.') ? h === p.slice(2) || h.endsWith(p.slice(1)) : h === p;
  });
}
