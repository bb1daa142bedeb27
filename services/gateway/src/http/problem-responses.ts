import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';

/** An error a route can answer, documented as an application/problem+json example. */
export interface ProblemExample {
  status: 400 | 401 | 404 | 409 | 413 | 415 | 503;
  code: string;
  detail: string;
  errors?: Record<string, string>;
}

const DESCRIPTIONS: Record<ProblemExample['status'], string> = {
  400: 'The request is malformed (`request.invalid`) or the service rejected its data (`validation_failed`); `errors` has one message per field.',
  401: 'Missing, unknown or revoked API key.',
  404: 'No such resource for this tenant (a malformed id answers the same).',
  409: 'The change conflicts with existing data.',
  413: 'The body is larger than the route accepts.',
  415: 'The body is not of a media type the route accepts, or its content does not match the declared type.',
  503: 'The service behind this route is not answering; try again shortly.',
};

/** The problems every authenticated route can answer. */
export const AUTH_PROBLEMS: ProblemExample[] = [
  {
    status: 401,
    code: 'auth.missing_key',
    detail: 'Falta la clave de API: envíe el encabezado Authorization: Bearer <clave>.',
  },
  { status: 401, code: 'auth.invalid_key', detail: 'La clave de API no es válida o fue revocada.' },
  { status: 503, code: 'service.unavailable', detail: 'No service is answering rpc.clients.client.get; try again shortly.' },
];

export const REQUEST_INVALID: ProblemExample = {
  status: 400,
  code: 'request.invalid',
  detail: 'La solicitud no es válida; revise los campos indicados.',
  errors: { legalNme: 'Campo desconocido.', active: 'Debe ser true o false.' },
};

/** The clients service's message for a Venezuelan landline given as WhatsApp number. */
export const LANDLINE_MESSAGE =
  'El número 0212 5551234 es un teléfono fijo; ' +
  'WhatsApp requiere un celular de operadora venezolana, por ejemplo 04121234567 (11 dígitos, sin +58, sin puntos, sin espacios y sin guiones).';

export function validationFailed(errors: Record<string, string>): ProblemExample {
  return { status: 400, code: 'validation_failed', detail: 'Los datos enviados no son válidos; revise los campos indicados.', errors };
}

export function notFound(code: string, detail: string): ProblemExample {
  return { status: 404, code, detail };
}

/**
 * Documents the route's problem+json responses, one example per code, plus the 401 and 503
 * every authenticated route can answer.
 */
export function ApiProblems(...problems: ProblemExample[]): MethodDecorator & ClassDecorator {
  return ApiProblemResponses([...problems, ...AUTH_PROBLEMS]);
}

/** Documents exactly the given problem+json responses, one example per code. */
export function ApiProblemResponses(all: ProblemExample[]): MethodDecorator & ClassDecorator {
  const statuses = [...new Set(all.map((p) => p.status))].sort();
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: { $ref: getSchemaPath('Problem') },
            examples: Object.fromEntries(
              all
                .filter((p) => p.status === status)
                .map((p) => [
                  p.code,
                  {
                    summary: p.code,
                    value: {
                      type: problemType(p.code),
                      code: p.code,
                      title: STATUS_CODES[p.status],
                      status: p.status,
                      detail: p.detail,
                      ...(p.errors ? { errors: p.errors } : {}),
                      correlationId: '0b5cf0a6-5a43-4a7c-9a52-3f1f4f2a9d10',
                    },
                  },
                ]),
            ),
          },
        },
      }),
    ),
  );
}
