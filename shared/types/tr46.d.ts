// tr46 (UTS #46) is used in tests only, as the reference the bundled IDNA reading is compared with.
declare module 'tr46' {
  export interface ToASCIIOptions {
    checkBidi?: boolean;
    checkHyphens?: boolean;
    checkJoiners?: boolean;
    useSTD3ASCIIRules?: boolean;
    transitionalProcessing?: boolean;
    verifyDNSLength?: boolean;
  }
  export function toASCII(domainName: string, options?: ToASCIIOptions): string | null;
}
