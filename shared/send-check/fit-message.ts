// Shortens a message to a host's limit (Outlook: 500 characters) at a word boundary, keeping its end readable.
export function fitMessage(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
