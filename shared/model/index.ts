export * from './schema';
export * from './types';
export * from './limits';
export * from './validate';
export * from './envelope';
export * from './json-text';
