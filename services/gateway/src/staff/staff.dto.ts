import type { StaffMember } from '@cobranza/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageInfoDto } from '../http/page.dto';
import { notFound, validationFailed } from '../http/problem-responses';
import { field } from '../http/request-shape';

export class StaffMemberDto {
  @ApiProperty({ example: 'e7a2c4f1-0b6d-4a39-9e58-3d1f7b2c6a84' })
  id!: string;

  @ApiProperty({ example: 'Ana Pérez' })
  name!: string;

  @ApiProperty({ example: 'rrhh@infotax.com.ve' })
  email!: string;

  @ApiProperty({ example: true })
  active!: boolean;

  @ApiProperty({ example: '2026-11-23T12:23:45.000Z' })
  createdAt!: string;
}

export class StaffListDto {
  @ApiProperty({ type: [StaffMemberDto] })
  items!: StaffMemberDto[];

  @ApiProperty({ type: PageInfoDto })
  page!: PageInfoDto;
}

export class CreateStaffMemberDto {
  @ApiProperty({ example: 'Ana Pérez' })
  name!: string;

  @ApiProperty({ example: 'rrhh@infotax.com.ve' })
  email!: string;
}

export class UpdateStaffMemberDto {
  @ApiPropertyOptional({ example: 'Ana Pérez' })
  name?: string;

  @ApiPropertyOptional({ example: 'rrhh@infotax.com.ve' })
  email?: string;

  @ApiPropertyOptional({ example: false, description: 'Inactive staff receive no copies.' })
  active?: boolean;
}

export const CREATE_STAFF_MEMBER = { name: field.string, email: field.string } as const;
export const UPDATE_STAFF_MEMBER = { name: field.string, email: field.string, active: field.boolean } as const;
export const LIST_STAFF_QUERY = { query: 'string', page: 'positiveInt', pageSize: 'positiveInt' } as const;

export const STAFF_NOT_FOUND = notFound('staff.not_found', 'No existe la persona indicada en recursos humanos.');
export const INVALID_STAFF = validationFailed({ email: 'El correo rrhh no es válido; debe tener la forma usuario@dominio.com.' });

export function staffMemberJson(s: StaffMember): StaffMemberDto {
  return { id: s.id, name: s.name, email: s.email, active: s.active, createdAt: s.createdAt };
}
