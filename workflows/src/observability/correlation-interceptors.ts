import { currentCorrelationId, withRequestScope } from '@cobranza/platform';
import type { Context as ActivityContext } from '@temporalio/activity';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInboundCallsInterceptor } from '@temporalio/worker';
import { correlationFromHeaders, withCorrelationHeader } from './correlation-header';

/** Stamps workflow starts, signals and updates made while serving a request with its correlation id. */
export const correlationClientInterceptor: WorkflowClientInterceptor = {
  start: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers, currentCorrelationId()) }),
  startWithDetails: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers, currentCorrelationId()) }),
  signal: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers, currentCorrelationId()) }),
  signalWithStart: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers, currentCorrelationId()) }),
  startUpdate: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers, currentCorrelationId()) }),
  startUpdateWithStart: (input, next) =>
    next({
      ...input,
      workflowStartHeaders: withCorrelationHeader(input.workflowStartHeaders, currentCorrelationId()),
      updateHeaders: withCorrelationHeader(input.updateHeaders, currentCorrelationId()),
    }),
};

/** Runs each activity in the request scope of its workflow: its logs and NATS calls carry the id. */
export function correlationActivityInterceptor(ctx: ActivityContext): ActivityInboundCallsInterceptor {
  return {
    execute: (input, next) => {
      const correlationId = correlationFromHeaders(input.headers) ?? ctx.info.workflowExecution?.workflowId;
      return withRequestScope({ correlationId }, () => next(input));
    },
  };
}
