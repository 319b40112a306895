/** The content model in one place: every type, check and JSON Schema derives from here. */
export * from './common.ts';
export * from './actor.ts';
export * from './incident.ts';
export * from './event.ts';
export * from './translation.ts';
