// The submission set's contentTypeCode (JDV_J03-XdsContentTypeCode-CISIS): the kind of activity the sending is part
// of. From the policy when set, else the facility type of the first document (TRE_R02 codes belong to J03).
import type { Coded } from './codes';
import table from './data/content-type-codes.json';

const groups = [table.typeActivite, table.secteurActivite] as Array<{ codingScheme: string; codes: Record<string, string> }>;

/** The J03 code with this code (`07`, `SA01`…), or undefined when it is not in the value set. */
export function contentTypeCode(code: string): Coded | undefined {
  for (const g of groups) {
    const display = g.codes[code];
    if (display) return { code, codingScheme: g.codingScheme, display };
  }
  return undefined;
}

/** True when a coded value is in JDV_J03 (same code and code system). */
export function isContentTypeCode(c: Coded): boolean {
  return contentTypeCode(c.code)?.codingScheme === c.codingScheme;
}

/** Every J03 code Vigie knows, for the schema's documentation and the command's help. */
export function contentTypeCodes(): string[] {
  return groups.flatMap((g) => Object.keys(g.codes));
}
