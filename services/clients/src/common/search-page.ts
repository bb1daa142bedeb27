import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import { FieldErrors, isUuid, notFound } from './errors';
import { pageInfo, pageOf } from './pagination';
import { containsPattern } from './text';

export interface SearchPageRequest {
  tenantId: string;
  query: string;
  page?: { page?: number; pageSize?: number };
}

/**
 * One page of a tenant's records whose `searchText` contains the query, ordered by name:
 * the listing of the contact catalog and of the staff.
 */
export async function searchPageByName<T extends { tenantId: string; searchText: string; name: string; id: string }, R>(
  em: EntityManager,
  entity: EntityName<T>,
  request: SearchPageRequest,
  toMessage: (item: T) => R,
) {
  const errors = new FieldErrors();
  const page = pageOf(request.page, errors);
  errors.throwIfAny();
  if (!isUuid(request.tenantId)) throw notFound('tenant.not_found');
  const where: Record<string, unknown> = { tenantId: request.tenantId };
  if (request.query.trim()) where.searchText = { $like: containsPattern(request.query.trim()) };
  const [items, total] = await em.findAndCount(entity, where as never, {
    orderBy: { name: 'asc', id: 'asc' } as never,
    limit: page.pageSize,
    offset: page.offset,
  });
  return { items: items.map(toMessage), page: pageInfo(page, total) };
}
