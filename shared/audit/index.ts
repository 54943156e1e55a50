export * from './event';
export * from './override';
export * from './reporter';
