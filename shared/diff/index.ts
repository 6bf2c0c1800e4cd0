export * from './types';
export * from './diff';
export * from './apply';
export * from './words';
export * from './changelog';
export * from './compare';
