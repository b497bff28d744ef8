export * from './errors';
export * from './envelope';
export * from './user';
export * from './limits';
export * from './functions';
export * from './account';
