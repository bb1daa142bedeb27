import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Custom search attributes; registered on every server from deploy/temporal/search-attributes.txt. */
export const TENANT_ID = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const CLIENT_ID = defineSearchAttributeKey('ClientId', SearchAttributeType.KEYWORD);
export const SCHEDULE_STATUS = defineSearchAttributeKey('ScheduleStatus', SearchAttributeType.KEYWORD);
export const NEXT_EMISSION = defineSearchAttributeKey('NextEmission', SearchAttributeType.DATETIME);
