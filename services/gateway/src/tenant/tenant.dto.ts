import type { Tenant } from '@cobranza/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { field } from '../http/request-shape';

export class TenantDto {
  @ApiProperty({ example: '5a1f3c9e-2b7d-4e8a-9c61-0d2f4b6a8e13' })
  id!: string;

  @ApiProperty({ example: 'Infotax, S.A.' })
  legalName!: string;

  @ApiProperty({ example: 'J-30012345-6' })
  taxId!: string;

  @ApiProperty({ example: 'VE', description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @ApiProperty({ example: 'America/Caracas', description: 'IANA time zone.' })
  timezone!: string;

  @ApiProperty({ example: 'es-VE', description: 'One of es-VE, es-CO, es-AR, es-MX, en.' })
  locale!: string;

  @ApiProperty({ example: 'VES', description: 'ISO 4217.' })
  currency!: string;

  @ApiProperty({ example: 'cobranzas@infotax.com.ve' })
  email!: string;

  @ApiProperty({ example: 'Av. Francisco de Miranda, Torre Europa, piso 4, Caracas' })
  address!: string;

  @ApiProperty({ example: '2026-11-23T12:23:45.000Z' })
  createdAt!: string;

  @ApiProperty({
    example: '3f6c2a1e-8b4d-4c7a-9e2f-5d1b7a3c9e04',
    description: "The artifact of the tenant's logo (`PUT /v1/tenant/logo`), printed on its PDFs; empty when it has none.",
  })
  logoArtifactId!: string;

  @ApiProperty({ example: 2, description: 'Increases with every change.' })
  version!: number;
}

export class UpdateTenantDto {
  @ApiPropertyOptional({ example: 'Infotax, S.A.' })
  legalName?: string;

  @ApiPropertyOptional({ example: 'J-30012345-6' })
  taxId?: string;

  @ApiPropertyOptional({ example: 'VE' })
  country?: string;

  @ApiPropertyOptional({ example: 'America/Caracas' })
  timezone?: string;

  @ApiPropertyOptional({ example: 'es-VE' })
  locale?: string;

  @ApiPropertyOptional({ example: 'VES' })
  currency?: string;

  @ApiPropertyOptional({ example: 'cobranzas@infotax.com.ve' })
  email?: string;

  @ApiPropertyOptional({ example: 'Av. Francisco de Miranda, Torre Europa, piso 4, Caracas' })
  address?: string;
}

export const UPDATE_TENANT = {
  legalName: field.string,
  taxId: field.string,
  country: field.string,
  timezone: field.string,
  locale: field.string,
  currency: field.string,
  email: field.string,
  address: field.string,
} as const;

export function tenantJson(t: Tenant): TenantDto {
  return {
    id: t.id,
    legalName: t.legalName,
    taxId: t.taxId,
    country: t.country,
    timezone: t.timezone,
    locale: t.locale,
    currency: t.currency,
    email: t.email,
    address: t.address,
    logoArtifactId: t.logoArtifactId,
    createdAt: t.createdAt,
    version: t.version,
  };
}
