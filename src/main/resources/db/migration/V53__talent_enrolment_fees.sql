-- Training fees recorded per enrolment (org.stdhub.talent, issue 12): what the person paid, on which day and the
-- receipt or invoice number, written by the session's trainer or the base office. No payment is processed here.
-- Runs unchanged on PostgreSQL and H2 (PostgreSQL mode).

alter table enrolment add column fee_paid_yuan numeric(12, 2);
alter table enrolment add column fee_paid_on date;
alter table enrolment add column fee_receipt varchar(100);
alter table enrolment add constraint enrolment_fee_paid check (fee_paid_yuan is null or fee_paid_yuan >= 0);
