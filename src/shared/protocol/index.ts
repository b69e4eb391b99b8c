/** The protocol of DESIGN.md §4: the single source of truth for both transports. */
export * from './version';
export * from './limits';
export * from './primitives';
export * from './client-messages';
export * from './evaluation-fields';
export * from './server-messages';
export * from './interviews';
export * from './settings';
export * from './providers';
export * from './models';
export * from './notices';
export * from './speech-analytics';
export * from './calls';
export * from './envelope';
export * from './validate';
