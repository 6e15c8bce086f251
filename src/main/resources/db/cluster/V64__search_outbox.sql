-- Hibernate Search's outbox-polling coordination (profile `opensearch`): every change to an indexed entity is written
-- here in the transaction that makes it, and the agents of all instances (hsearch_agent) index it, each event once.
-- The tables Hibernate Search 8.2 maps (its default names and columns).
create table hsearch_agent (
    id uuid not null,
    type varchar(255) not null check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    name varchar(255) not null,
    expiration timestamp(6) with time zone not null,
    state varchar(255) not null check (state in ('RUNNING', 'WAITING', 'SUSPENDED')),
    total_shard_count integer,
    assigned_shard_index integer,
    payload bytea,
    tenant_id varchar(255),
    primary key (id)
);

create table hsearch_outbox_event (
    id uuid not null,
    entity_name varchar(256) not null,
    entity_id varchar(256) not null,
    entity_id_hash integer not null,
    payload bytea not null,
    retries integer not null,
    process_after timestamp(6) with time zone not null,
    status varchar(255) not null check (status in ('PENDING', 'ABORTED')),
    tenant_id varchar(255),
    primary key (id)
);

create index hsearch_outbox_event_process_after on hsearch_outbox_event (process_after);
