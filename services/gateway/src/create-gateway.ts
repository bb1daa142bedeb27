import { LOGGER, PinoNestLogger } from '@cobranza/platform';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { correlationMiddleware } from './http/correlation.middleware';
import { ProblemFilter } from './http/problem.filter';
import { mountOpenApi } from './openapi';

export async function createGateway(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  app.use(correlationMiddleware);
  app.useGlobalFilters(new ProblemFilter(logger));
  app.enableShutdownHooks();
  mountOpenApi(app);
  return app;
}
