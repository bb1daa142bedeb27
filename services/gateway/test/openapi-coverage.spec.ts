import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { createGateway } from '../src/create-gateway';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every route the gateway's Express router serves, as "METHOD /openapi/{style}". */
function servedRoutes(gateway: INestApplication): string[] {
  const router = gateway.getHttpAdapter().getInstance().router as { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  const routes = new Set<string>();
  for (const layer of router.stack) {
    if (!layer.route) continue;
    const path = layer.route.path.replace(/:(\w+)/g, '{$1}');
    // The reference itself (Swagger UI and the document) is not part of the API it documents.
    if (path === '/docs' || path.startsWith('/docs/')) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') routes.add(`${method.toUpperCase()} ${path}`);
  }
  return [...routes].sort();
}

function documentedOperations(doc: OpenAPIObject): Array<{ route: string; operation: OperationObject }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ route: `${m.toUpperCase()} ${path}`, operation: item[m] as OperationObject })),
  );
}

/**
 * The OpenAPI document at /docs is complete: every route the gateway serves is in it, and
 * every operation says what it does, what it answers, and how it fails as problem+json.
 */
describe('gateway: the OpenAPI document lists every route', () => {
  let gateway: INestApplication;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    gateway = await createGateway();
    await gateway.listen(0, '127.0.0.1');
    const url = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    doc = (await (await fetch(`${url}/docs/openapi.json`)).json()) as OpenAPIObject;
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('documents every route the router serves, and nothing it does not serve', () => {
    const served = servedRoutes(gateway);
    const documented = documentedOperations(doc).map((o) => o.route).sort();
    expect(served.length).toBeGreaterThan(50);
    expect(served.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  });

  it('gives every operation a summary, a success answer with an example or schema, and its error shapes', () => {
    const gaps: string[] = [];
    for (const { route, operation } of documentedOperations(doc)) {
      if (!operation.summary) gaps.push(`${route}: no summary`);
      const responses = Object.entries(operation.responses ?? {}) as Array<[string, ResponseObject]>;
      const success = responses.filter(([status]) => status.startsWith('2') || status.startsWith('3'));
      if (success.length === 0) gaps.push(`${route}: no success response`);
      for (const [status, response] of success) {
        if (status === '204' || status.startsWith('3')) continue;
        const described = Object.values(response.content ?? {}).some((media) => media.schema || media.example || media.examples);
        if (!described) gaps.push(`${route}: ${status} has neither a schema nor an example`);
      }
      // Health and metrics fail by status only, the portal's pages answer HTML pages; every API
      // route answers its errors as problem+json.
      if (route.includes(' /health/') || route.endsWith(' /metrics') || route.includes(' /portal/')) continue;
      const problems = responses.filter(([status, r]) => /^[45]/.test(status) && r.content?.['application/problem+json']);
      if (problems.length === 0) gaps.push(`${route}: no problem+json error response`);
    }
    expect(gaps).toEqual([]);
  });

  it('uses Spanish data in its examples, as the seeds do', () => {
    const text = JSON.stringify(doc);
    expect(text).toMatch(/C\.A\.|S\.A\./);
    expect(text).toContain('Bearer');
  });
});
