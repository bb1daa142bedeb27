import { gauge } from '@cobranza/platform';
import { MikroORM } from '@mikro-orm/core';
import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RecurringSchedule, type ScheduleStatus } from './recurring-schedule.entity';

const STATUSES: ScheduleStatus[] = ['active', 'paused', 'completed', 'ended'];
let source: MikroORM | undefined;

/** Schedules by status, counted when Prometheus scrapes (a cheap grouped count on an indexed column). */
const schedulesByStatus = gauge({
  name: 'cobranza_schedules',
  help: 'Recurring invoice schedules by status (active, paused, completed, ended), all tenants.',
  labelNames: ['status'] as const,
  async collect() {
    if (!source) return;
    const rows = await (source.em.fork() as EntityManager)
      .createQueryBuilder(RecurringSchedule, 's')
      .select(['s.status', raw('count(*) as count')])
      .groupBy('s.status')
      .execute<Array<{ status: string; count: string }>>('all')
      .catch(() => undefined);
    if (!rows) return;
    for (const status of STATUSES) this.set({ status }, Number(rows.find((r) => r.status === status)?.count ?? 0));
  },
});

@Injectable()
export class ScheduleMetrics implements OnModuleInit {
  constructor(private readonly orm: MikroORM) {}

  onModuleInit(): void {
    // The newest billing in the process answers (tests start several in turn).
    source = this.orm;
    void schedulesByStatus;
  }
}
