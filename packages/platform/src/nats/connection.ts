import { connect, type NatsConnection } from 'nats';
import { natsUrl } from '../config';

export async function connectNats(name: string, servers = natsUrl()): Promise<NatsConnection> {
  try {
    return await connect({ servers, name, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
  } catch (error) {
    throw new Error(`cannot connect to NATS at ${servers} as ${name}: ${(error as Error).message}`);
  }
}
