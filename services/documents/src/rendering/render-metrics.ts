import { histogram } from '@cobranza/platform';

/** How long producing a file takes (cache hits excluded), by document kind and format. */
export const renderDuration = histogram({
  name: 'cobranza_document_render_duration_seconds',
  help: 'Time to render a file that was not cached, by kind (invoice, statement, sales_history...) and format (pdf, xml, xlsx).',
  labelNames: ['kind', 'format'] as const,
});

/** Times one render. */
export async function timedRender<T>(kind: string, format: string, render: () => Promise<T>): Promise<T> {
  const stop = renderDuration.startTimer({ kind, format });
  try {
    return await render();
  } finally {
    stop();
  }
}
