import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, problemType } from '../http/problem';
import { notFound, validationFailed, type ProblemExample } from '../http/problem-responses';

/** The problems the billing service answers, as documented examples (its Spanish messages). */

export const DOCUMENT_NOT_FOUND = notFound('document.not_found', 'No existe el documento indicado.');

export const NOT_A_DRAFT: ProblemExample = {
  status: 409,
  code: 'draft.not_editable',
  detail: 'El documento 0001-00000111 ya fue emitido (issued): solo un borrador se modifica, emite o elimina.',
};

export const NOT_VOIDABLE: ProblemExample = {
  status: 409,
  code: 'document.not_voidable',
  detail: 'El documento no se puede anular: tiene pagos aplicados.',
};

/** 400 `request.invalid` with the given field messages. */
export function requestInvalid(errors: Record<string, string>): ProblemExample {
  return { status: 400, code: 'request.invalid', detail: 'La solicitud no es válida; revise los campos indicados.', errors };
}

/** 400 `request.invalid` for an amount sent as a JSON number. */
export function amountsAsStrings(field: string): ProblemExample {
  return requestInvalid({
    [field]:
      'Los montos, cantidades y porcentajes se envían como texto, por ejemplo "360.00", para evitar errores de redondeo de los números JSON.',
  });
}

export const INVALID_LINES = validationFailed({
  'lines[0].quantity': 'La cantidad debe ser un número mayor que 0 con hasta 4 decimales, por ejemplo 1 o 2.5.',
  'lines[0].taxRatePercent': 'La alícuota de impuesto debe ser un porcentaje entre 0 y 100.',
});

export const INVALID_PAYMENT = validationFailed({
  method: 'Forma de pago desconocida: zelle. Use una de transfer, cash, card, check, mobile_payment, other.',
  'allocations[0].amount': 'El monto aplicado supera el saldo del documento (417.60).',
});

export const IDEMPOTENCY_CONFLICT = {
  code: 'document.idempotency_conflict',
  detail: 'La clave de idempotencia factura-2024-03-0012 ya se usó con otros datos.',
};

export const PAYMENT_IDEMPOTENCY_CONFLICT = {
  code: 'payment.idempotency_conflict',
  detail: 'La clave de idempotencia pago-2024-03-0012 ya se usó con otros datos.',
};

/**
 * Documents a 422 problem+json response (not among the statuses of `ApiProblems`): the same
 * `Idempotency-Key` sent again with a different request.
 */
export function ApiIdempotencyConflict(problem: { code: string; detail: string } = IDEMPOTENCY_CONFLICT): MethodDecorator {
  return applyDecorators(
    ApiResponse({
      status: 422,
      description:
        'The `Idempotency-Key` was already used with a different request: a key stands for one request, and sending the ' +
        'same request again with it answers the first result.',
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: { $ref: getSchemaPath('Problem') },
          examples: {
            [problem.code]: {
              summary: problem.code,
              value: {
                type: problemType(problem.code),
                code: problem.code,
                title: 'Unprocessable Entity',
                status: 422,
                detail: problem.detail,
                correlationId: '0b5cf0a6-5a43-4a7c-9a52-3f1f4f2a9d10',
              },
            },
          },
        },
      },
    }),
  );
}

/** The `Idempotency-Key` request header of the routes that create. */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description:
    '1 to 200 characters of [A-Za-z0-9._:-]. Sending the same request again with the same key answers the first result ' +
    'instead of creating a second one; the same key with a different request answers 422.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,200}$', example: 'factura-2024-03-0012' },
};
