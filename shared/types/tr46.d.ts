// Type declarations for tr46 (UTS #46 IDNA processing), which ships none.
declare module 'tr46' {
  export interface ToASCIIOptions {
    checkBidi?: boolean;
    checkHyphens?: boolean;
    checkJoiners?: boolean;
    useSTD3ASCIIRules?: boolean;
    transitionalProcessing?: boolean;
    verifyDNSLength?: boolean;
    ignoreInvalidPunycode?: boolean;
  }
  export function toASCII(domainName: string, options?: ToASCIIOptions): string | null;
  export function toUnicode(domainName: string, options?: Omit<ToASCIIOptions, 'verifyDNSLength' | 'transitionalProcessing'>): { domain: string; error: boolean };
}
