import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { longTimer } from './fixtures/long-timer.workflows';
import { createTimeSkippingEnv } from './time-skipping-env';
import { tenantOnboarding } from '../src/workflows';
import type { ProvisionedService, TenantOnboardingInput } from '../src/tenant-onboarding/shared';

const DAY_MS = 24 * 3600 * 1000;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});

afterAll(async () => {
  await env?.teardown();
});

describe('time-skipping test server', () => {
  it('completes a 400-day timer without waiting 400 days', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'long-timer',
      workflowsPath: require.resolve('./fixtures/long-timer.workflows'),
    });
    const wallStart = Date.now();
    const result = await worker.runUntil(
      env.client.workflow.execute(longTimer, { taskQueue: 'long-timer', workflowId: 'long-timer-400', args: [400] }),
    );
    expect(result.elapsedMs).toBeGreaterThanOrEqual(400 * DAY_MS);
    // The jest timeout bounds the wall time; it is logged, not asserted (speed is for benchmarks).
    console.info(`400-day timer took ${Date.now() - wallStart} ms of wall time`);
  });
});

describe('tenantOnboarding workflow', () => {
  it('provisions the tenant in billing, documents and notifications, in that order', async () => {
    const calls: Array<[ProvisionedService, string]> = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'onboarding',
      workflowsPath: require.resolve('../src/workflows'),
      activities: {
        async provisionTenant(service: ProvisionedService, tenant: TenantOnboardingInput) {
          calls.push([service, tenant.tenantId]);
          return { created: service !== 'documents', changed: service !== 'documents' };
        },
      },
    });
    const input: TenantOnboardingInput = {
      tenantId: '0b5cf0a6-5a43-4a7c-9a52-3f1f4f2a9d10',
      legalName: 'Infotax, S.A.',
      country: 'VE',
      timezone: 'America/Caracas',
      locale: 'es-VE',
      currency: 'VES',
      version: 1,
    };
    const result = await worker.runUntil(
      env.client.workflow.execute(tenantOnboarding, { taskQueue: 'onboarding', workflowId: 'onboarding-test', args: [input] }),
    );
    expect(calls).toEqual([
      ['billing', input.tenantId],
      ['documents', input.tenantId],
      ['notifications', input.tenantId],
    ]);
    expect(result.provisioned).toEqual([
      { service: 'billing', created: true, changed: true },
      { service: 'documents', created: false, changed: false },
      { service: 'notifications', created: true, changed: true },
    ]);
  });

  it('retries a failing provisioning until the service answers', async () => {
    let attempts = 0;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'onboarding-retry',
      workflowsPath: require.resolve('../src/workflows'),
      activities: {
        async provisionTenant(service: ProvisionedService) {
          if (service === 'billing' && ++attempts < 3) throw new Error('service.unavailable');
          return { created: true, changed: true };
        },
      },
    });
    const result = await worker.runUntil(
      env.client.workflow.execute(tenantOnboarding, {
        taskQueue: 'onboarding-retry',
        workflowId: 'onboarding-retry-test',
        args: [{ tenantId: 't', legalName: 'x', country: 'VE', timezone: 'America/Caracas', locale: 'es-VE', currency: 'VES', version: 1 }],
      }),
    );
    expect(attempts).toBe(3);
    expect(result.provisioned).toHaveLength(3);
  });
});
