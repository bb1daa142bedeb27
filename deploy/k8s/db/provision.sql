-- One login role and one schema per service: each role owns its schema and nothing else, so
-- schema ownership is enforced by the database (the same layout as scripts/lib/infra.sh).
-- Run once per database as a superuser, in the database `cobranza`, before the migrations.
-- Idempotent: re-running it (for example after rotating a password) only re-applies passwords
-- and grants.
--
-- Passwords come from the environment of psql (psql >= 15 for \getenv):
--   CLIENTS_DATABASE_PASSWORD, BILLING_DATABASE_PASSWORD, DOCUMENTS_DATABASE_PASSWORD,
--   NOTIFICATIONS_DATABASE_PASSWORD.
-- Used by the Kubernetes Job (ConfigMap generated in deploy/k8s/kustomization.yaml) and by
-- docker-compose.yml (mounted into /docker-entrypoint-initdb.d of the postgres container).

\set ON_ERROR_STOP on

\getenv clients_password CLIENTS_DATABASE_PASSWORD
\getenv billing_password BILLING_DATABASE_PASSWORD
\getenv documents_password DOCUMENTS_DATABASE_PASSWORD
\getenv notifications_password NOTIFICATIONS_DATABASE_PASSWORD

\if :{?clients_password}
\else
  \set clients_password ''
\endif
\if :{?billing_password}
\else
  \set billing_password ''
\endif
\if :{?documents_password}
\else
  \set documents_password ''
\endif
\if :{?notifications_password}
\else
  \set notifications_password ''
\endif

-- Refuse to create roles without a password.
SELECT format('DO $$ BEGIN RAISE EXCEPTION %L; END $$',
              'missing environment variable(s): ' || string_agg(name, ', '))
  FROM (VALUES ('CLIENTS_DATABASE_PASSWORD', :'clients_password'),
               ('BILLING_DATABASE_PASSWORD', :'billing_password'),
               ('DOCUMENTS_DATABASE_PASSWORD', :'documents_password'),
               ('NOTIFICATIONS_DATABASE_PASSWORD', :'notifications_password')) AS v(name, value)
 WHERE value = ''
HAVING count(*) > 0
\gexec

BEGIN;

SELECT format('CREATE ROLE %I LOGIN', role)
  FROM (VALUES ('svc_clients'), ('svc_billing'), ('svc_documents'), ('svc_notifications')) AS v(role)
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role)
\gexec

ALTER ROLE svc_clients LOGIN PASSWORD :'clients_password';
ALTER ROLE svc_billing LOGIN PASSWORD :'billing_password';
ALTER ROLE svc_documents LOGIN PASSWORD :'documents_password';
ALTER ROLE svc_notifications LOGIN PASSWORD :'notifications_password';

CREATE SCHEMA IF NOT EXISTS clients AUTHORIZATION svc_clients;
CREATE SCHEMA IF NOT EXISTS billing AUTHORIZATION svc_billing;
CREATE SCHEMA IF NOT EXISTS documents AUTHORIZATION svc_documents;
CREATE SCHEMA IF NOT EXISTS notifications AUTHORIZATION svc_notifications;

ALTER ROLE svc_clients SET search_path = clients;
ALTER ROLE svc_billing SET search_path = billing;
ALTER ROLE svc_documents SET search_path = documents;
ALTER ROLE svc_notifications SET search_path = notifications;

-- Only the service roles may connect; nobody creates objects in the public schema.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database())
\gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), role)
  FROM (VALUES ('svc_clients'), ('svc_billing'), ('svc_documents'), ('svc_notifications')) AS v(role)
\gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

COMMIT;
