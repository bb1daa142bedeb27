import type { FieldErrors } from './errors';

export interface Page {
  page: number;
  pageSize: number;
  offset: number;
}

export function pageOf(request: { page?: number; pageSize?: number } | undefined, errors: FieldErrors): Page {
  const page = Math.max(1, request?.page ?? 1);
  const pageSize = request?.pageSize || 20;
  if (pageSize < 1 || pageSize > 100) errors.add('pageSize', 'page_size_invalid');
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export const pageInfo = (page: Page, total: number) => ({ page: page.page, pageSize: page.pageSize, total });
