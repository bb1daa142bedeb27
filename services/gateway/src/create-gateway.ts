import { LOGGER, PinoNestLogger } from '@cobranza/platform';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
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
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, abortOnError: false, bodyParser: false });
  // Behind a proxy or ingress, TRUST_PROXY (hops, or an Express trust-proxy value) makes req.ip the
  // client's address, which the portal's per-address rate limit counts.
  const trustProxy = process.env.TRUST_PROXY?.trim();
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy === 'true' ? true : trustProxy);
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
