import type { GetTemplateRequest, ListTemplatesRequest, ResetTemplateRequest, SaveTemplateRequest } from '@cobranza/contracts';
import { messageLanguage } from '@cobranza/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { fieldErrors, isUuid } from '../common/messages';
import { languageOf, NotificationTenants } from '../tenants/notification-tenants';
import { builtInTemplate, TEMPLATE_KINDS } from './domain/built-in-templates';
import { checkTemplate } from './domain/render';
import { TEMPLATE_VARIABLES } from './domain/variables';
import { ClientLastTemplate, MessageTemplateRow } from './message-template.entity';

export interface ChosenTemplate {
  documentKind: string;
  language: 'es' | 'en';
  subject: string;
  body: string;
  source: 'built_in' | 'tenant' | 'last_used';
  updatedAt?: Date;
}

const MAX_SUBJECT = 500;
const MAX_BODY = 20_000;

/** The tenants' e-mail templates, the built-in ones, and the last one used per client and kind. */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: NotificationTenants,
  ) {}

  /** Checks kind, language and choice; adds problems to `errors`. */
  checkChoice(errors: ReturnType<typeof fieldErrors>, input: { documentKind: string; language: string; choice?: string }): void {
    if (!(TEMPLATE_KINDS as readonly string[]).includes(input.documentKind))
      errors.add('documentKind', 'kind.invalid', { value: input.documentKind, allowed: TEMPLATE_KINDS.join(', ') });
    if (input.language && !['es', 'en'].includes(input.language)) errors.add('language', 'language.invalid', { value: input.language });
    if (input.choice && !['original', 'last_used'].includes(input.choice)) errors.add('template', 'template_choice.invalid', { value: input.choice });
  }

  /** The tenant's template for the kind, else the built-in one ("plantilla original"). */
  async original(tenantId: string, documentKind: string, language: 'es' | 'en'): Promise<ChosenTemplate> {
    const own = await this.em.fork().findOne(MessageTemplateRow, { tenantId, documentKind, language });
    if (own) return { documentKind, language, subject: own.subject, body: own.body, source: 'tenant', updatedAt: own.updatedAt };
    return { documentKind, language, ...builtInTemplate(documentKind, language), source: 'built_in' };
  }

  /** seed 002: "último utilizado" for the client, or the original when the client has none yet. */
  async choose(tenantId: string, documentKind: string, language: 'es' | 'en', choice: string, clientId: string | null): Promise<ChosenTemplate> {
    if (choice === 'last_used' && clientId && isUuid(clientId)) {
      const last = await this.em.fork().findOne(ClientLastTemplate, { tenantId, clientId, documentKind });
      if (last) return { documentKind, language: last.language as 'es' | 'en', subject: last.subject, body: last.body, source: 'last_used', updatedAt: last.usedAt };
    }
    return this.original(tenantId, documentKind, language);
  }

  async remember(tenantId: string, clientId: string, documentKind: string, template: { language: string; subject: string; body: string }): Promise<void> {
    await this.em.fork().upsert(
      ClientLastTemplate,
      { tenantId, clientId, documentKind, language: template.language, subject: template.subject, body: template.body, usedAt: new Date() },
      { onConflictFields: ['tenantId', 'clientId', 'documentKind'], onConflictAction: 'merge' },
    );
  }

  async list(request: ListTemplatesRequest) {
    const tenant = await this.tenants.get(request.tenantId);
    const errors = fieldErrors();
    this.checkChoice(errors, { documentKind: 'invoice', language: request.language });
    errors.throwIfAny();
    const language = (request.language || languageOf(tenant.locale)) as 'es' | 'en';
    const items = [];
    for (const kind of TEMPLATE_KINDS) items.push(toMessage(await this.original(tenant.id, kind, language)));
    const lang = messageLanguage();
    return { items, variables: TEMPLATE_VARIABLES.map((v) => ({ name: v.name, description: v[lang], example: v.example })) };
  }

  async get(request: GetTemplateRequest) {
    const tenant = await this.tenants.get(request.tenantId);
    const errors = fieldErrors();
    this.checkChoice(errors, { documentKind: request.documentKind, language: request.language, choice: request.choice });
    errors.throwIfAny();
    const language = (request.language || languageOf(tenant.locale)) as 'es' | 'en';
    return toMessage(await this.choose(tenant.id, request.documentKind, language, request.choice || 'original', request.clientId || null));
  }

  async save(request: SaveTemplateRequest) {
    const tenant = await this.tenants.get(request.tenantId);
    const errors = fieldErrors();
    this.checkChoice(errors, { documentKind: request.documentKind, language: request.language });
    this.checkSource(errors, request.subject, request.body);
    errors.throwIfAny();
    const language = (request.language || languageOf(tenant.locale)) as 'es' | 'en';
    await this.em.fork().upsert(
      MessageTemplateRow,
      { id: randomUUID(), tenantId: tenant.id, documentKind: request.documentKind, language, subject: request.subject.trim(), body: request.body, updatedAt: new Date() },
      { onConflictFields: ['tenantId', 'documentKind', 'language'], onConflictAction: 'merge', onConflictExcludeFields: ['id'] },
    );
    return toMessage(await this.original(tenant.id, request.documentKind, language));
  }

  async reset(request: ResetTemplateRequest) {
    const tenant = await this.tenants.get(request.tenantId);
    const errors = fieldErrors();
    this.checkChoice(errors, { documentKind: request.documentKind, language: request.language });
    errors.throwIfAny();
    const language = (request.language || languageOf(tenant.locale)) as 'es' | 'en';
    await this.em.fork().nativeDelete(MessageTemplateRow, { tenantId: tenant.id, documentKind: request.documentKind, language });
    return toMessage(await this.original(tenant.id, request.documentKind, language));
  }

  /** Subject and body: required, bounded, and valid templates. */
  checkSource(errors: ReturnType<typeof fieldErrors>, subject: string, body: string): void {
    if (!subject.trim()) errors.add('subject', 'required');
    else if (subject.length > MAX_SUBJECT) errors.add('subject', 'too_long', { max: MAX_SUBJECT });
    else {
      const problem = checkTemplate(subject);
      if (problem) errors.add('subject', problem.code, problem.params);
    }
    if (!body.trim()) errors.add('body', 'required');
    else if (body.length > MAX_BODY) errors.add('body', 'too_long', { max: MAX_BODY });
    else {
      const problem = checkTemplate(body);
      if (problem) errors.add('body', problem.code, problem.params);
    }
  }
}

export function toMessage(t: ChosenTemplate) {
  return {
    documentKind: t.documentKind,
    language: t.language,
    subject: t.subject,
    body: t.body,
    source: t.source,
    updatedAt: t.updatedAt ? t.updatedAt.toISOString() : '',
  };
}
