export * from './local-date';
export * from './time-zone';
export * from './emission-rule';
