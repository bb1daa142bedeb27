import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Problem } from './http/problem';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Cobranza API')
    .setDescription(
      'HTTP API of the Cobranza gateway. Every route but /health needs an API key (`Authorization: Bearer cbz_…`); ' +
        'the key decides the tenant. Every error is answered as application/problem+json with a stable `code`; ' +
        'messages are in Spanish, or in English with `Accept-Language: en`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'cbz_<43 base64url characters>',
        description: 'The tenant\'s API key: `Authorization: Bearer cbz_…`. Every route but /health needs it.',
      },
      'api-key',
    )
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [Problem] });
}

/** Serves the browsable reference at /docs and the document at /docs/openapi.json. */
export function mountOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
  return document;
}
