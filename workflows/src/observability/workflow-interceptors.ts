// Workflow-side interceptors: bundled with the workflows, so deterministic code only.
import { workflowInfo, type WorkflowInterceptors } from '@temporalio/workflow';
import { correlationFromHeaders, withCorrelationHeader } from './correlation-header';

// Stored on globalThis: the SDK gives each workflow execution its own global object.
const KEY = '__cobranzaCorrelationId';
const scope = globalThis as unknown as Record<string, string | undefined>;

/** The id of the request that started this workflow; else the workflow id (a Schedule's start, say). */
function correlationId(): string {
  return scope[KEY] ?? workflowInfo().workflowId;
}

export const interceptors = (): WorkflowInterceptors => ({
  inbound: [
    {
      async execute(input, next) {
        scope[KEY] = correlationFromHeaders(input.headers);
        return next(input);
      },
    },
  ],
  outbound: [
    {
      scheduleActivity: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers, correlationId()) }),
      scheduleLocalActivity: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers, correlationId()) }),
      startChildWorkflowExecution: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers, correlationId()) }),
      signalWorkflow: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers, correlationId()) }),
      continueAsNew: (input, next) => next({ ...input, headers: withCorrelationHeader(input.headers, correlationId()) }),
      getLogAttributes: (input, next) => next({ ...input, correlationId: correlationId() }),
    },
  ],
});
