import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 9457 problem details, the body of every error the gateway answers. */
export class Problem {
  @ApiProperty({ example: 'https://cobranza.dev/problems/service.unavailable' })
  type!: string;

  @ApiProperty({ example: 'service.unavailable', description: 'Stable machine-readable code.' })
  code!: string;

  @ApiProperty({ example: 'Service Unavailable' })
  title!: string;

  @ApiProperty({ example: 503 })
  status!: number;

  @ApiProperty({ example: 'No service is answering rpc.billing.system.status; try again shortly.' })
  detail!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { email: 'El correo debe tener la forma usuario@dominio.com.' },
  })
  errors?: Record<string, string>;

  @ApiPropertyOptional({ example: '0b5cf0a6-5a43-4a7c-9a52-3f1f4f2a9d10' })
  correlationId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const problemType = (code: string): string => `https://cobranza.dev/problems/${code}`;
