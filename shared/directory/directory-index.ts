// The local index of every MSSanté mailbox: its stored format, its builder and its search, in their own files.
export * from './index-format';
export * from './index-builder';
export * from './index-search';
