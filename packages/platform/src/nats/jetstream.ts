import type { JetStreamManager, NatsConnection, StreamConfig } from 'nats';
import { nanos, RetentionPolicy, StorageType } from 'nats';

/** Creates the stream or brings its subjects up to date; safe to call from every replica at start. */
export async function ensureStream(connection: NatsConnection, stream: { name: string; subjects: string[] }): Promise<void> {
  const jsm: JetStreamManager = await connection.jetstreamManager();
  const config: Partial<StreamConfig> = {
    name: stream.name,
    subjects: stream.subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    max_age: nanos(30 * 24 * 3600 * 1000),
    duplicate_window: nanos(2 * 60 * 1000),
  };
  try {
    const info = await jsm.streams.info(stream.name);
    if (info.config.subjects.join() !== stream.subjects.join()) {
      await jsm.streams.update(stream.name, { ...info.config, subjects: stream.subjects });
    }
  } catch (error) {
    if (!String((error as Error).message).includes('stream not found')) throw error;
    await jsm.streams.add(config);
  }
}
