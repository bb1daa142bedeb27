export * from './system';
export * from './wait';
