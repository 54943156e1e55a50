// The DI document source over IHE MHD, and its bridge to the XDM packer.
export * from './client';
export * from './to-xdm';
