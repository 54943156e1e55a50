// Regular expressions with Unicode property escapes (\p{L}…), built at run time. Engines older than ES2018 — classic
// Outlook's JavaScript runtime before Version 2403 — cannot parse a \p{…} literal at all, which would stop the whole
// bundle from loading; there the given approximation is used instead.
export function propertyRegex(source: string, flags: string, fallback: RegExp): RegExp {
  try {
    return new RegExp(source, flags);
  } catch {
    return fallback;
  }
}

/** Any letter or digit beyond Latin; the fallback treats everything but spaces and punctuation blocks as one. */
export const LETTER_OR_DIGIT = propertyRegex('[\\p{L}\\p{N}]', 'u', /[^\s\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f]/);
export const LETTER = propertyRegex('\\p{L}', 'u', /[^\s\d\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f]/);
