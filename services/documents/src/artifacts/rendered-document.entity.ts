import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * Remembers the file rendered for one version of a sales document, so asking again for an
 * unchanged invoice answers the same artifact instead of storing a copy each time. The
 * fingerprint is the SHA-256 of everything the file shows (document, parties, language, template
 * version): a payment, a void or a new tax id of the client makes a new fingerprint.
 */
@Entity({ tableName: 'rendered_document' })
@Unique({ properties: ['tenantId', 'documentId', 'format', 'fingerprint'] })
export class RenderedDocument {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  documentId!: string;

  /** pdf or xml. */
  @Property({ type: 'string', length: 8 })
  format!: string;

  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  @Property({ type: 'uuid' })
  artifactId!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
