-- Research: read models of the analytics, refreshed from other modules' events (never by scanning on a request).

-- A figure's rows: a count (and a second count where the figure has one, e.g. adopted of international) per key.
create table research_figure (
    figure       varchar(60) not null,
    item_key     varchar(120) not null,
    item_value   bigint not null,
    item_extra   bigint,
    primary key (figure, item_key)
);

-- When each source last refreshed its figures, and from which event.
create table research_refresh (
    source       varchar(60) primary key,
    refreshed_at timestamp with time zone not null,
    trigger_ref  varchar(200) not null
);

-- Each group-standard project's visits to stages, rebuilt from the project's timeline whenever its stage changes.
create table research_stage_visit (
    project_id   bigint not null,
    alliance_id  bigint not null,
    seq          integer not null,
    stage        varchar(8) not null,
    entered_at   timestamp with time zone not null,
    left_at      timestamp with time zone,
    primary key (project_id, seq)
);
create index research_stage_visit_alliance on research_stage_visit (alliance_id);
