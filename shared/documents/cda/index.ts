// CDA R2 documents: reading the header (and a level-1 body), the CI-SIS formatCode, wrapping a bare document.
export * from './time';
export * from './read';
export * from './format-code';
export * from './embedded';
export * from './wrap';
export * from './inspect';
