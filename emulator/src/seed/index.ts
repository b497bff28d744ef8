export { importRequest, type ImportAnswer } from './import-request';
export { seedFromFolder, type SeedResult } from './seed-folder';
export { createListedCollections, seedAtStart, type SeedOptions } from './start-seed';
export { SeedError } from './seed-error';
