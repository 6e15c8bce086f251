-- Construction phases of the base (筹建, 启动, 建设, 中期评估, 完善提升, 验收) as milestones with deliverables and
-- planned dates; the base office marks a phase reached. Planned dates are the base plan's placeholders.

create table programme_phase (
    code          varchar(20) primary key,
    position      integer not null,
    starts_on     date not null,
    ends_on       date not null,
    deliverables  varchar(2000) not null,
    reached_on    date
);

insert into programme_phase (code, position, starts_on, ends_on, deliverables, reached_on) values
    ('PREPARATION', 1, date '2024-01-01', date '2024-06-30', '筹建方案;领导小组与工作机构成立', date '2024-06-28'),
    ('LAUNCH', 2, date '2024-07-01', date '2024-12-31', '建设合同签订;启动会', date '2024-12-20'),
    ('CONSTRUCTION', 3, date '2025-01-01', date '2026-06-30', '四个中心与平台上线;年度工作计划与指标', null),
    ('MID_TERM', 4, date '2026-07-01', date '2026-12-31', '中期评估报告;整改清单', null),
    ('IMPROVEMENT', 5, date '2027-01-01', date '2027-12-31', '完善提升方案;整改完成报告', null),
    ('ACCEPTANCE', 6, date '2028-01-01', date '2028-06-30', '验收材料(验收档案);验收结论', null);
