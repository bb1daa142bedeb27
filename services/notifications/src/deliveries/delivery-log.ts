import { NotificationsEvents, type ListDeliveriesRequest } from '@cobranza/contracts';
import { counter, LOGGER, OutboxRelay, recordEvent } from '@cobranza/platform';
import { EntityManager, LockMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/postgresql';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { domainError, fieldErrors, isUuid, notFound } from '../common/messages';
import { isIsoDate } from '../settings/domain/entitlement';
import { Delivery, DeliveryStatusEvent } from './delivery.entity';
import { toDeliveryMessage } from './delivery.mapper';
import { canMove, decideForExistingAttempt, DELIVERY_STATUSES, isDeliveryStatus } from './domain/delivery-status';

/** Deliveries by channel and the status they reached: accepted, sent, delivered, read, failed, unknown. */
const deliveriesByStatus = counter({
  name: 'cobranza_deliveries_total',
  help: 'Delivery status changes by channel (email, whatsapp) and the status reached.',
  labelNames: ['channel', 'status'] as const,
});

export interface Intent {
  tenantId: string;
  deliveryKey: string;
  requestHash: string;
  channel: 'email' | 'whatsapp';
  clientId: string | null;
  documentKind: string;
  recipients: string[];
  copyTo: string | null;
  artifactIds: string[];
  referenceIds: string[];
  subject: string | null;
  sender: string | null;
}

export interface Outcome {
  status: 'accepted' | 'failed' | 'unknown';
  providerMessageId?: string;
  errorCode?: string;
  errorMessage?: string;
  errorKind?: 'transient' | 'permanent';
  fallback?: string;
  mediaIds?: string[];
  detail?: string;
}

export interface WebhookUpdate {
  messageId: string;
  callbackData: string;
  status: string;
  occurredAt: Date;
  errorCode: string;
  errorMessage: string;
}

/** How long a "sending" intent may take before it is presumed interrupted (process crash). */
export const sendingLeaseMs = (): number => {
  const value = Number(process.env.NOTIFICATIONS_SENDING_LEASE_MS);
  return Number.isInteger(value) && value > 0 ? value : 180_000;
};

/**
 * The delivery log and the idempotency of sends. An attempt's intent ("sending") is committed
 * before the provider is called; the outcome is recorded after. A "sending" intent older than
 * the lease means the process stopped in between: the provider may have accepted the message,
 * so it becomes "unknown" and is never sent again automatically.
 */
@Injectable()
export class DeliveryLog implements OnApplicationBootstrap, OnApplicationShutdown {
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly em: EntityManager,
    private readonly relay: OutboxRelay,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const every = Number(process.env.NOTIFICATIONS_SWEEP_MS ?? 60_000);
    if (!(every > 0)) return;
    const sweep = () => void this.expireStale().catch((error) => this.logger.warn({ err: error }, 'delivery sweep failed'));
    this.sweeper = setInterval(sweep, every);
    this.sweeper.unref();
    sweep();
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** What an earlier attempt under the key already decided, before anything else is prepared. */
  async peek(tenantId: string, deliveryKey: string, hash: string): Promise<{ delivery: Delivery; history: DeliveryStatusEvent[] } | undefined> {
    await this.expireStale({ tenantId, deliveryKey });
    const latest = await this.em.fork().findOne(Delivery, { tenantId, deliveryKey }, { orderBy: { attempt: 'desc' }, populate: ['history'] });
    if (latest && latest.requestHash !== hash) throw domainError('delivery.key_conflict', 422, { key: deliveryKey });
    const decision = decideForExistingAttempt(latest ?? undefined);
    if (decision === 'in_progress') throw domainError('delivery.in_progress', 409, { key: deliveryKey });
    return decision === 'replay' && latest ? { delivery: latest, history: latest.history.getItems() } : undefined;
  }

  /**
   * Starts an attempt under the key, or answers what the key already did: its recorded outcome
   * (replay), or 409 while another attempt is in flight.
   */
  async begin(intent: Intent): Promise<{ replay: true; delivery: Delivery; history: DeliveryStatusEvent[] } | { replay: false; delivery: Delivery }> {
    await this.expireStale({ tenantId: intent.tenantId, deliveryKey: intent.deliveryKey });
    const em = this.em.fork();
    const latest = await em.findOne(
      Delivery,
      { tenantId: intent.tenantId, deliveryKey: intent.deliveryKey },
      { orderBy: { attempt: 'desc' }, populate: ['history'] },
    );
    if (latest && latest.requestHash !== intent.requestHash) throw domainError('delivery.key_conflict', 422, { key: intent.deliveryKey });
    const decision = decideForExistingAttempt(latest ?? undefined);
    if (decision === 'replay' && latest) return { replay: true, delivery: latest, history: latest.history.getItems() };
    if (decision === 'in_progress') throw domainError('delivery.in_progress', 409, { key: intent.deliveryKey });

    const now = new Date();
    const delivery = Object.assign(new Delivery(), {
      ...intent,
      attempt: (latest?.attempt ?? 0) + 1,
      status: 'sending',
      createdAt: now,
      updatedAt: now,
    });
    try {
      // Its own committed transaction: the intent exists before the provider is called.
      await this.em.fork().transactional(async (tx) => {
        tx.persist(delivery);
        tx.persist(Object.assign(new DeliveryStatusEvent(), { delivery, status: 'sending', occurredAt: now, source: 'system' }));
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw domainError('delivery.in_progress', 409, { key: intent.deliveryKey });
      throw error;
    }
    return { replay: false, delivery };
  }

  /** Records what the provider answered. Fields learned (message id, media) are kept even when a webhook already moved the status further. */
  async recordOutcome(deliveryId: string, outcome: Outcome): Promise<{ delivery: Delivery; history: DeliveryStatusEvent[] }> {
    const result = await this.em.fork().transactional(async (tx) => {
      const d = await tx.findOneOrFail(Delivery, { id: deliveryId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      await tx.populate(d, ['history']);
      if (outcome.providerMessageId && !d.providerMessageId) d.providerMessageId = outcome.providerMessageId;
      if (outcome.mediaIds?.length) d.mediaIds = [...new Set([...d.mediaIds, ...outcome.mediaIds])];
      if (outcome.fallback) d.fallback = outcome.fallback;
      const previous = d.status;
      if (canMove(d.status, outcome.status) || (d.status === 'failed' && outcome.status === 'failed')) {
        this.moveTo(tx, d, outcome.status, new Date(), 'system', outcome);
      }
      d.updatedAt = new Date();
      if (previous !== d.status) this.recordChange(tx, d, previous);
      return d;
    });
    this.relay.kick();
    return { delivery: result, history: result.history.getItems() };
  }

  /**
   * Applies one webhook status: found by the provider's message id, or (reconciliation of an
   * unknown outcome) by the delivery key sent as biz_opaque_callback_data. Each status is stored
   * once; the current status only moves forward.
   */
  async applyWebhook(tenantId: string, update: WebhookUpdate): Promise<{ delivery?: Delivery; changed: boolean }> {
    const outcome = await this.em.fork().transactional(async (tx) => {
      let d = await tx.findOne(
        Delivery,
        { tenantId, channel: 'whatsapp', providerMessageId: update.messageId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!d && update.callbackData) {
        d = await tx.findOne(
          Delivery,
          { tenantId, channel: 'whatsapp', deliveryKey: update.callbackData, providerMessageId: null, status: { $in: ['sending', 'unknown'] } },
          { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { attempt: 'desc' } },
        );
        if (d) d.providerMessageId = update.messageId;
      }
      if (!d) return { changed: false };
      await tx.populate(d, ['history']);
      const seen = d.history.getItems().some((h) => h.status === update.status);
      if (!seen) {
        tx.persist(
          Object.assign(new DeliveryStatusEvent(), {
            delivery: d,
            status: update.status,
            occurredAt: update.occurredAt,
            source: 'webhook',
            errorCode: update.errorCode || null,
            detail: update.errorMessage || null,
          }),
        );
      }
      const previous = d.status;
      if (canMove(d.status, update.status)) {
        d.status = update.status;
        if (update.status === 'failed') {
          d.errorCode = update.errorCode || 'whatsapp.failed';
          d.errorMessage = update.errorMessage || null;
          d.errorKind = 'permanent';
        }
        d.updatedAt = new Date();
        await tx.flush();
        await tx.populate(d, ['history'], { refresh: true });
        this.recordChange(tx, d, previous);
        return { delivery: d, changed: true };
      }
      return { delivery: d, changed: false };
    });
    if (outcome.changed) this.relay.kick();
    return outcome;
  }

  async markMediaDeleted(deliveryId: string): Promise<void> {
    await this.em.fork().nativeUpdate(Delivery, { id: deliveryId }, { mediaDeletedAt: new Date() });
  }

  /** Turns interrupted intents ("sending" beyond the lease) into "unknown", with an event each. */
  async expireStale(scope: { tenantId?: string; deliveryKey?: string } = {}): Promise<number> {
    const cutoff = new Date(Date.now() - sendingLeaseMs());
    const em = this.em.fork();
    const stale = await em.find(Delivery, { ...scope, status: 'sending', createdAt: { $lt: cutoff } }, { fields: ['id'], limit: 500 });
    let count = 0;
    for (const { id } of stale) {
      await this.em.fork().transactional(async (tx) => {
        const d = await tx.findOne(Delivery, { id, status: 'sending' }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!d) return;
        await tx.populate(d, ['history']);
        this.moveTo(tx, d, 'unknown', new Date(), 'system', { status: 'unknown', detail: 'interrupted between the intent and the outcome' });
        d.updatedAt = new Date();
        this.recordChange(tx, d, 'sending');
        count += 1;
      });
    }
    if (count > 0) {
      this.logger.warn({ count }, 'deliveries left "sending" by an interrupted process are now "unknown"');
      this.relay.kick();
    }
    return count;
  }

  private moveTo(tx: EntityManager, d: Delivery, status: string, at: Date, source: string, outcome: Outcome): void {
    d.status = status;
    if (status === 'failed') {
      d.errorCode = outcome.errorCode ?? null;
      d.errorMessage = outcome.errorMessage ?? null;
      d.errorKind = outcome.errorKind ?? 'permanent';
    } else if (outcome.errorCode) {
      d.errorCode = outcome.errorCode;
      d.errorMessage = outcome.errorMessage ?? null;
      d.errorKind = outcome.errorKind ?? null;
    }
    if (!d.history.getItems().some((h) => h.status === status)) {
      const event = Object.assign(new DeliveryStatusEvent(), {
        delivery: d,
        status,
        occurredAt: at,
        source,
        errorCode: outcome.errorCode ?? null,
        detail: (outcome.detail ?? outcome.errorMessage ?? null)?.slice(0, 2000) ?? null,
      });
      d.history.add(event);
      tx.persist(event);
    }
  }

  private recordChange(tx: EntityManager, d: Delivery, previous: string): void {
    deliveriesByStatus.inc({ channel: d.channel, status: d.status });
    this.logger.info({ deliveryId: d.id, deliveryKey: d.deliveryKey, channel: d.channel, status: d.status, previous }, 'delivery status changed');
    recordEvent(tx, NotificationsEvents.deliveryUpdated, { delivery: toDeliveryMessage(d, d.history.getItems()), previousStatus: previous });
  }

  async get(tenantId: string, id: string): Promise<{ delivery: Delivery; history: DeliveryStatusEvent[] }> {
    if (!isUuid(tenantId) || !isUuid(id)) throw notFound('delivery.not_found');
    const d = await this.em.fork().findOne(Delivery, { id, tenantId }, { populate: ['history'] });
    if (!d) throw notFound('delivery.not_found');
    return { delivery: d, history: d.history.getItems() };
  }

  async list(request: ListDeliveriesRequest, timezone: string) {
    const errors = fieldErrors();
    const where: FilterQuery<Delivery> = { tenantId: request.tenantId };
    if (request.clientId) {
      if (!isUuid(request.clientId)) return { items: [], total: 0, page: 1, pageSize: request.pageSize || 50 };
      where.clientId = request.clientId;
    }
    const statuses = request.statuses.map((s) => s.trim()).filter(Boolean);
    for (const s of statuses) if (!isDeliveryStatus(s)) errors.add('status', 'status_invalid', { value: s, allowed: DELIVERY_STATUSES.join(', ') });
    if (statuses.length) where.status = { $in: statuses };
    if (request.channel) {
      if (!['email', 'whatsapp'].includes(request.channel)) errors.add('channel', 'channel_invalid', { value: request.channel });
      where.channel = request.channel as 'email' | 'whatsapp';
    }
    if (request.deliveryKey) where.deliveryKey = request.deliveryKey;
    if (request.referenceId) where.referenceIds = { $contains: [request.referenceId.trim().toLowerCase()] };
    const from = request.from ? boundary(request.from, timezone, 'start') : undefined;
    const to = request.to ? boundary(request.to, timezone, 'end') : undefined;
    if (request.from && !from) errors.add('from', 'date_invalid');
    if (request.to && !to) errors.add('to', 'date_invalid');
    const pageSize = request.pageSize || 50;
    if (pageSize < 1 || pageSize > 100) errors.add('pageSize', 'page_size_invalid');
    errors.throwIfAny();
    if (from || to) where.createdAt = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
    const page = Math.max(request.page || 1, 1);
    const [items, total] = await this.em.fork().findAndCount(Delivery, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: pageSize,
      offset: (page - 1) * pageSize,
      populate: ['history'],
    });
    return { items: items.map((d) => toDeliveryMessage(d, d.history.getItems())), total, page, pageSize };
  }
}

/** A yyyy-mm-dd day in the tenant's time zone (start, or the start of the next day), or an instant. */
function boundary(value: string, timezone: string, edge: 'start' | 'end'): Date | undefined {
  if (isIsoDate(value)) {
    const day = edge === 'start' ? value : new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return zonedMidnight(day, timezone);
  }
  const instant = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(instant.getTime())) return undefined;
  return edge === 'end' ? new Date(instant.getTime() + 1) : instant;
}

/** The instant a local day starts in a time zone. */
function zonedMidnight(day: string, timezone: string): Date {
  const utc = Date.parse(`${day}T00:00:00Z`);
  const offsetAt = (t: number) => {
    try {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(t));
      const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - t;
    } catch {
      return 0;
    }
  };
  const guess = utc - offsetAt(utc);
  return new Date(utc - offsetAt(guess));
}
