import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiProduces, ApiQuery, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, problemType } from '../http/problem';
import { notFound, type ProblemExample } from '../http/problem-responses';

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  xml: 'application/xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const ARTIFACT_NOT_FOUND = notFound('artifact.not_found', 'No existe el archivo 3f2b8c1e-9d4a-4e7b-8a6c-1b2d3e4f5a60.');

export const LOCALE_INVALID: ProblemExample = {
  status: 400,
  code: 'validation_failed',
  detail: 'Los datos enviados no son válidos; revise los campos indicados.',
  errors: { locale: 'Idioma desconocido: pt-BR. Use uno de es-VE, es-CO, es-AR, es-MX, en.' },
};

/** The `locale` query parameter of every export. */
export const ApiLocaleQuery = (): MethodDecorator =>
  ApiQuery({
    name: 'locale',
    required: false,
    enum: ['es-VE', 'es-CO', 'es-AR', 'es-MX', 'en'],
    description: "Language and number/date format of the file. Default: the tenant's locale (Spanish, 1.234,56; 26/03/2024).",
  });

/**
 * A file answered as the response body, with the headers a download needs. `example` is the file
 * name as sent in Content-Disposition.
 */
export function ApiFileResponse(mediaType: string, description: string, fileName: string): MethodDecorator {
  return applyDecorators(
    ApiProduces(mediaType, PROBLEM_CONTENT_TYPE),
    ApiResponse({
      status: 200,
      description,
      content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
      headers: {
        'Content-Disposition': {
          description: 'Always an attachment, with the Spanish (or English) file name.',
          schema: { type: 'string', example: `attachment; filename="${fileName}"; filename*=UTF-8''${fileName}` },
        },
        'Content-Length': { description: 'Size of the file in bytes.', schema: { type: 'integer', example: 48213 } },
        'X-Artifact-Id': {
          description: 'Id of the stored file; `GET /v1/artifacts/{id}` downloads it again without rendering.',
          schema: { type: 'string', format: 'uuid' },
        },
        ETag: { description: 'Quoted lower-case hex SHA-256 of the content.', schema: { type: 'string' } },
      },
    }),
  );
}

/** 422 `xml_not_available`: only invoices and credit notes have UBL XML. */
export function ApiXmlNotAvailable(): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'Accept', required: false, description: 'application/xml' }),
    ApiResponse({
      status: 422,
      description: 'The document is not an invoice or credit note, so it has no UBL XML.',
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: { $ref: getSchemaPath('Problem') },
          examples: {
            xml_not_available: {
              summary: 'xml_not_available',
              value: {
                type: problemType('xml_not_available'),
                code: 'xml_not_available',
                title: 'Unprocessable Entity',
                status: 422,
                detail: 'Solo las facturas y las notas de crédito tienen XML (UBL 2.1); este documento es un(a) Cotización.',
                correlationId: '0b5cf0a6-5a43-4a7c-9a52-3f1f4f2a9d10',
              },
            },
          },
        },
      },
    }),
  );
}
