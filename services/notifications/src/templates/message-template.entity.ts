import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A tenant's own e-mail template for a kind of document and a language (Handlebars). */
@Entity({ tableName: 'message_template' })
@Unique({ properties: ['tenantId', 'documentKind', 'language'] })
export class MessageTemplateRow {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'string', length: 20 })
  documentKind!: string;

  @Property({ type: 'string', length: 2 })
  language!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

/** seed 002 "Último utilizado": the subject and body last sent to a client for a kind of document. */
@Entity({ tableName: 'client_last_template' })
export class ClientLastTemplate {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  clientId!: string;

  @PrimaryKey({ type: 'string', length: 20 })
  documentKind!: string;

  @Property({ type: 'string', length: 2 })
  language!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime' })
  usedAt: Date = new Date();
}
