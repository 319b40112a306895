/** The open-data exports: pure functions from the archive to file contents. */
export * from './common.ts';
export * from './events.ts';
export * from './entities.ts';
export * from './csv.ts';
export * from './stix.ts';
export * from './uuid.ts';
