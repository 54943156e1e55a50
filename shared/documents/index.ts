// DI documents: packaging for MSSanté (IHE_XDM + PDF copy, subject, headers), patient rules, size rules.
export * from './codes';
export * from './content-type';
export * from './errors';
export * from './identity';
export * from './masking';
export * from './source-id';
export * from './cda';
export * from './hash';
export * from './headers';
export * from './index-files';
export * from './messages';
export * from './metadata';
export * from './naming';
export * from './patient';
export * from './size';
export * from './text';
export * from './xdm';
