import { TestWorkflowEnvironment } from '@temporalio/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** temporal.api.enums.v1.IndexedValueType of the types search-attributes.txt uses. */
const INDEXED_VALUE_TYPES: Record<string, number> = { Keyword: 2, Datetime: 6 };

/**
 * The official Java time-skipping test server (scripts/lib/infra.sh resolves it into the tools
 * cache). It accepts only search attributes registered through its operator service.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (!path) throw new Error('TEMPORAL_TEST_SERVER_PATH is not set: run the suite through scripts/test.sh');
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  const searchAttributes: Record<string, number> = {};
  for (const line of readFileSync(join(__dirname, '../../deploy/temporal/search-attributes.txt'), 'utf8').split('\n')) {
    const [name, type] = line.trim().split('=');
    if (!name || name.startsWith('#')) continue;
    const indexedType = INDEXED_VALUE_TYPES[type];
    if (!indexedType) throw new Error(`unsupported search attribute type ${type}`);
    searchAttributes[name] = indexedType;
  }
  await env.connection.operatorService.addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes });
  return env;
}
