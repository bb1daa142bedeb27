import type { PageInfo } from '@cobranza/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiQuery } from '@nestjs/swagger';
import type { QueryShape } from './request-shape';

export class PageInfoDto {
  @ApiProperty({ example: 1, description: '1-based page number.' })
  page!: number;

  @ApiProperty({ example: 20, description: 'Items per page (20 by default, at most 100).' })
  pageSize!: number;

  @ApiProperty({ example: 1, description: 'Items matching the filters, in all pages.' })
  total!: number;
}

/** The `page` and `pageSize` query parameters of every list. */
export const PAGE_QUERY = { page: 'positiveInt', pageSize: 'positiveInt' } as const satisfies QueryShape;

export function pageRequest(query: { page?: number; pageSize?: number }): { page: number; pageSize: number } {
  return { page: query.page ?? 0, pageSize: query.pageSize ?? 0 };
}

export function pageInfoJson(page: PageInfo | undefined): PageInfoDto {
  return { page: page?.page ?? 0, pageSize: page?.pageSize ?? 0, total: page?.total ?? 0 };
}

/** Documents `page` and `pageSize`. */
export function ApiPageQueries(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 }, description: '1-based page number.' }),
    ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, description: 'Items per page.' }),
  );
}
