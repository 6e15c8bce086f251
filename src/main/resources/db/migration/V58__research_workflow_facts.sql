-- Research: the facts of the other modules' workflows, one row per fact (a verification task completed at a lab, a
-- conformity report, an evaluation, an enrolment, an exam attempt, a certificate, an enquiry), kept from their
-- events. A fact's later event replaces its row (an enrolment attended, an enquiry answered), a replayed one changes
-- nothing: the figures group these rows, never the other modules' tables.
create table research_fact (
    fact_key         varchar(120) primary key,
    source           varchar(30) not null,
    measure          varchar(30) not null,
    subject_id       bigint,
    subject_name     varchar(300),
    fact_month       varchar(7) not null,
    state            varchar(30),
    due_on           date,
    duration_seconds bigint,
    within_deadline  boolean,
    demo             boolean default false not null,
    occurred_at      timestamp with time zone not null
);
create index research_fact_source on research_fact (source, fact_month);
