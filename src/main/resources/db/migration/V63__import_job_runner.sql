-- Catalog import jobs over several instances (issue 17): the instance running a job beats its heartbeat while it
-- works; a job whose heartbeat stopped (its instance died) is finished by another instance. Runs unchanged on
-- PostgreSQL and on H2 in PostgreSQL mode.
alter table catalog_import_job add column runner varchar(255);
alter table catalog_import_job add column heartbeat_at timestamp with time zone;
