export * from './types';
export * from './address';
export * from './access';
