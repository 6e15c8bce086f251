-- State several instances share (issue 17): scheduled jobs run on one instance at a time: ShedLock's lock row per job (platform.SchedulerLocks).
-- The same on every profile; on the embedded default there is one instance and the lock is always free.
-- Written to run unchanged on PostgreSQL and on H2 in PostgreSQL mode.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- HTTP sessions kept in the database (Spring Session JDBC, issue 17), used by the cluster profile only: a person
-- stays signed in whichever instance answers. Spring Session's own PostgreSQL schema; unused (and harmless) on the
-- embedded default, whose sessions stay in memory. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
        on delete cascade
);
