-- Ending a membership takes effect at once (not at the end of the day): the instant it was ended.
alter table membership add column ended_at timestamp with time zone;

-- A role ended today may be granted again today (a new row with the same valid_from): the rule "no two current
-- memberships of one person with the same role in one organization" is kept by the service instead.
alter table membership drop constraint membership_unique;
