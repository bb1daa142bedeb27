import type { RpcClient } from '@cobranza/platform';
import { automationActivities } from './automation.activities';
import { deliveryActivities } from './delivery.activities';
import { scheduleActivities } from './schedule.activities';
import { tenancyActivities } from './tenancy.activities';

export interface ActivityDependencies {
  rpc: RpcClient;
}

/** All activities, built from their dependencies: every one reaches the services over NATS. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...tenancyActivities(deps.rpc),
    ...scheduleActivities(deps.rpc),
    ...deliveryActivities(deps.rpc),
    ...automationActivities(deps.rpc),
  };
}
