import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { PinoNestLogger } from '../logger';
import { PassThroughRpcFilter } from '../nats/rpc-error.filter';
import { NatsRpcServer } from '../nats/rpc-server';
import { startTracing } from '../observability/tracing';
import { OutboxRelay } from '../outbox/outbox-relay';
import type { ServiceDefinition } from './service-definition';
import { LOGGER } from './tokens';

export interface StartServiceOptions {
  /** HTTP port of the health endpoints; 0 picks a free one (tests). */
  httpPort: number;
  httpHost?: string;
}

/**
 * Starts a domain service: NestJS app with its health endpoints over HTTP, its handlers over
 * NATS (each message in a fresh MikroORM context), and its outbox relay.
 */
export async function startService(
  definition: ServiceDefinition,
  appModule: Type<unknown> | DynamicModule,
  options: StartServiceOptions,
): Promise<INestApplication> {
  startTracing(definition.name);
  const app = await NestFactory.create(appModule, { bufferLogs: true, abortOnError: false });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  app.enableShutdownHooks();

  const orm = app.get(MikroORM);
  const transport = new NatsRpcServer({
    service: definition.name,
    version: definition.version,
    contracts: definition.contracts,
    logger,
  });
  transport.useContextRunner((fn) => RequestContext.create(orm.em, fn));
  app.useGlobalFilters(new PassThroughRpcFilter(app.get(HttpAdapterHost).httpAdapter));
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });

  await app.startAllMicroservices();
  await app.get(OutboxRelay).start();
  await app.listen(options.httpPort, options.httpHost ?? process.env.HTTP_HOST ?? '0.0.0.0');
  logger.info({ url: await app.getUrl() }, `${definition.name} service started`);
  return app;
}
