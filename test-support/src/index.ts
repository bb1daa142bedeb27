export * from './system';
export * from './wait';
export * from './smtp-sink';
export * from './whatsapp-cloud-standin';
export * from './images';
export * from './processes';
