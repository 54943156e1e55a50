declare module 'xml-crypto/lib/utils' {
  export function findAncestorNsForElement(node: Element): { prefix: string; namespaceURI: string }[];
  export function findChildren(node: Node | Document, localName: string, namespace?: string): Element[];
}
