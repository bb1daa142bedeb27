import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ServiceStatusDto {
  @ApiProperty({ example: 'billing' })
  service!: string;

  @ApiProperty({ example: true, description: 'The service answered over NATS.' })
  reachable!: boolean;

  @ApiProperty({ example: true, description: 'Every dependency check of the service passed.' })
  ready!: boolean;

  @ApiPropertyOptional({ example: '0.1.0' })
  version?: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { database: 'ok', nats: 'ok' } })
  checks!: Record<string, string>;

  @ApiProperty({ type: [String], example: ['Migration20261123122346_initial'] })
  migrations!: string[];

  @ApiPropertyOptional({ example: 'service.unavailable', description: 'Why the service could not be asked.' })
  error?: string;
}

export class SystemStatusDto {
  @ApiProperty({ example: true })
  ready!: boolean;

  @ApiProperty({ type: [ServiceStatusDto] })
  services!: ServiceStatusDto[];
}
