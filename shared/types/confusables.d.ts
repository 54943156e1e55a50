declare module 'confusables' {
  /** Replaces every character that is confusable with a Latin letter by that letter. */
  export function remove(text: string): string;
}
