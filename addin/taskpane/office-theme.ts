// The task pane follows Office's theme (Outlook's dark and coloured themes): its colours become the shared UI's
// variables, written after the stylesheets so they win over the light defaults and the system's dark scheme. In a
// Windows contrast theme the browser's forced colours win over both.

export interface OfficeTheme {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

const HEX = /^#?([0-9a-f]{6})$/i;

/** Relative luminance of a #rrggbb colour (WCAG), or undefined when the value is not one. */
function luminance(colour: string | undefined): number | undefined {
  const m = colour ? HEX.exec(colour.trim()) : null;
  if (!m) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const hex = (c: string) => (c.startsWith('#') ? c : `#${c}`);

/** The CSS that makes the shared UI look like the Office theme; empty when Office gives no usable colours. */
export function officeThemeCss(theme: OfficeTheme | undefined): string {
  const bg = theme?.bodyBackgroundColor;
  const fg = theme?.bodyForegroundColor;
  const l = luminance(bg);
  if (!bg || !fg || l === undefined || luminance(fg) === undefined) return '';
  const dark = theme?.isDarkTheme ?? l < 0.4;
  const vars: Record<string, string> = {
    '--vigie-bg': hex(bg),
    '--vigie-fg': hex(fg),
    '--vigie-surface': hex(theme?.controlBackgroundColor && HEX.test(theme.controlBackgroundColor) ? theme.controlBackgroundColor : bg),
    ...(dark
      ? {
          '--vigie-muted': '#c8c8c8',
          '--vigie-border': '#6b6b6b',
          '--vigie-accent': '#479ef5',
          '--vigie-accent-fg': '#0a0a0a',
          '--vigie-active': '#243a52',
          '--vigie-error': '#ff99a4',
          '--vigie-ok': '#7fd27f',
          '--vigie-focus': '2px solid #479ef5',
        }
      : {}),
  };
  // In a contrast theme the browser forces the system colours over these (shared/ui/styles.css, forced-colors).
  return `.vigie-root { ${Object.entries(vars)
    .map(([k, v]) => `${k}: ${v};`)
    .join(' ')} } body { background: ${hex(bg)}; }`;
}

let sheet: CSSStyleSheet | undefined;

/**
 * Applies (or re-applies, when Office says the theme changed) the theme to this document, as a constructed style sheet:
 * the page's content security policy allows no inline style, and adopted sheets come after the page's own.
 */
export function applyOfficeTheme(theme: OfficeTheme | undefined, doc: Document = document): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(officeThemeCss(theme));
}
