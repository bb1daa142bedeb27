export * from './problem';
export * from './whatsapp-number';
export * from './email-address';
