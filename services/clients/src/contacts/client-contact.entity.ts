import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Client } from '../clients/client.entity';
import { Contact } from './contact.entity';

/** A catalog contact linked to a client, with department, role and sending options (seed 001). */
@Entity({ tableName: 'client_contact' })
@Unique({ name: 'client_contact_unique', properties: ['client', 'contact'] })
export class ClientContact {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => Client, { deleteRule: 'cascade' })
  client!: Client;

  @ManyToOne(() => Contact, { deleteRule: 'cascade' })
  contact!: Contact;

  @Property({ type: 'string', length: 100 })
  department: string = '';

  @Property({ type: 'string', length: 100 })
  role: string = '';

  /** Offered on the sending screens of every kind of document, or only of `documentKinds`. */
  @Property({ type: 'boolean' })
  offeredForAll: boolean = true;

  @Property({ type: 'text[]' })
  documentKinds: string[] = [];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
