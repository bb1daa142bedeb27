import { LOGGER, PinoNestLogger } from '@cobranza/platform';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { correlationMiddleware } from './http/correlation.middleware';
import { jsonBody } from './http/json-body';
import { observabilityMiddleware } from './http/observability.middleware';
import { ProblemFilter } from './http/problem.filter';
import { mountOpenApi } from './openapi';

export async function createGateway(): Promise<INestApplication> {
  // Only JSON bodies, parsed after the correlation middleware so parse errors are localized too.
  const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false, bodyParser: false });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  app.use(observabilityMiddleware(logger));
  app.use(correlationMiddleware);
  app.use(jsonBody);
  app.useGlobalFilters(new ProblemFilter(logger));
  app.enableShutdownHooks();
  mountOpenApi(app);
  return app;
}
