-- Conformity results name the instrument they were measured with (optional): its id in the lab's equipment and its
-- name and serial number as they were when the result was recorded, one row per conformity_clause that has one.
-- A table of its own (no foreign key) because this version runs before V36 creates conformity_clause on a fresh
-- database. Runs on PostgreSQL and H2 alike.
create table conformity_clause_equipment (
    clause_id      bigint primary key,
    equipment_id   bigint not null,
    equipment_name varchar(500) not null
);
