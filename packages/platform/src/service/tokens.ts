/** Injection tokens of the service core. */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const LOGGER = Symbol('LOGGER');
export const SERVICE_DEFINITION = Symbol('SERVICE_DEFINITION');
