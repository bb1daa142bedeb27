import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE, problemType } from '../http/problem';
import { notFound, validationFailed, type ProblemExample } from '../http/problem-responses';

/** The problems the notifications routes answer, as documented examples (the service's Spanish messages). */

export const DELIVERY_NOT_FOUND = notFound('delivery.not_found', 'No existe el envío indicado.');

export const INVALID_SETTINGS = validationFailed({
  'smtp.port': 'El puerto debe estar entre 1 y 65535, por ejemplo 587.',
  'smtp.tlsMode': 'Modo TLS desconocido: ssl. Use starttls, tls o none.',
});

export const INVALID_TEMPLATE = validationFailed({
  body: 'La plantilla usa la variable {{cliente}}, que no existe. Variables disponibles: clientName, documentName, documentLetter, documentNumber, amount, dueDate, portalLink, customText, companyName.',
});

export const INVALID_DELIVERY_FILTER = validationFailed({ status: 'Estado desconocido: entregado. Use uno de sending, accepted, sent, delivered, read, failed, unknown.' });

export interface ExtraProblem {
  status: number;
  code: string;
  detail: string;
  description: string;
}

/** Documents problem+json answers with statuses `ApiProblems` does not cover (401 of webhooks, 403). */
export function ApiExtraProblems(...problems: ExtraProblem[]): MethodDecorator {
  const statuses = [...new Set(problems.map((p) => p.status))];
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: problems.filter((p) => p.status === status).map((p) => p.description).join(' '),
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: { $ref: getSchemaPath('Problem') },
            examples: Object.fromEntries(
              problems
                .filter((p) => p.status === status)
                .map((p) => [
                  p.code,
                  { summary: p.code, value: { type: problemType(p.code), code: p.code, title: STATUS_CODES[p.status], status: p.status, detail: p.detail } },
                ]),
            ),
          },
        },
      }),
    ),
  );
}

export const SIGNATURE_INVALID: ExtraProblem = {
  status: 401,
  code: 'webhook.signature_invalid',
  detail: 'La firma X-Hub-Signature-256 falta o no corresponde al cuerpo recibido.',
  description: 'Unsigned, or not signed with the tenant’s app secret over the exact body bytes.',
};

export const VERIFY_REFUSED: ExtraProblem = {
  status: 403,
  code: 'webhook.verify_refused',
  detail: 'La verificación del webhook fue rechazada: el modo o el token no corresponden.',
  description: 'hub.mode is not "subscribe" or hub.verify_token is not the tenant’s verify token.',
};

export type { ProblemExample };
