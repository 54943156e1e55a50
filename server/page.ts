// What every server-rendered page shares: HTML escaping and the head (charset, viewport, style sheet, icon).

export const escapeHtml = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function pageHead(title: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/assets/vigie.css"><link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>`;
}

/** Vigie's icon (scripts/icons.mjs draws the same: a white shield with a check mark on Fluent blue) as SVG. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect width="100" height="100" rx="18" fill="#0f6cbd"/>
<path d="M20 17h60v38L50 86 20 55z" fill="#fff"/>
<path d="M37 50l10 11 18-23" fill="none" stroke="#0f6cbd" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
