-- Account security (issue 8): sessions follow account changes, login throttling that cannot lock a stranger out.
-- Written to run unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- Bumped whenever what a signed-in session may do changes: suspension, password change or reset, a role
-- granted or ended. Every request of a session compares its principal's number with this one (a primary-key
-- read) and reloads the principal or ends the session when they differ.
alter table person add column security_version integer not null default 0;

-- Failed password logins per account: one row per (account, client address) and one row per account across all
-- addresses (address '*'). A pair is locked after a few failures; the account as a whole only after many, with a
-- lock that doubles each time (lock_count). Password failures never lock API tokens.
create table login_failure (
    person_id     bigint not null references person (id),
    address       varchar(64) not null,
    failures      integer not null,
    window_start  timestamp with time zone not null,
    locked_until  timestamp with time zone,
    lock_count    integer not null default 0,
    constraint login_failure_pk primary key (person_id, address)
);

-- the per-account counters on person are replaced by login_failure
alter table person drop column failed_logins;
alter table person drop column locked_until;

-- outstanding password-reset links of an account are withdrawn together
create index email_token_person on email_token (person_id, purpose);
