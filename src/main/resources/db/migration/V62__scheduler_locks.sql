-- Scheduled jobs run on one instance at a time (issue 17): ShedLock's lock row per job (platform.SchedulerLocks).
-- The same on every profile; on the embedded default there is one instance and the lock is always free.
-- Written to run unchanged on PostgreSQL and on H2 in PostgreSQL mode.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
