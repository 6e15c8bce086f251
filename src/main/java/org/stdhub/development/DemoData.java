package org.stdhub.development;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Role;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.SystemActor;

/**
 * On the embedded default ({@code stdhub.demo.enabled=true}; false in the postgres profile) a demo alliance, group
 * code {@value #CODE}, with projects at the main stages of the procedure, so that a new user sees the workflow at
 * once. Everything it makes is marked demo (alliance and projects) and every page shows the mark. Made once: a
 * second start finds the alliance and does nothing. The projects' histories are the procedure's own transitions,
 * recorded as made by the demo data (no person made them).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class DemoData implements ApplicationRunner {

    static final String CODE = "DEMO";
    static final String ACTOR = "演示数据 demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Demo projects: title, scope and the transitions that bring each to its stage. */
    private record Sample(String titleZh, String titleEn, List<String> path) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample("【演示】工业机器人 关节减速器 通用技术条件", "[Demo] Industrial robots — joint reducers", List.of()),
            new Sample(
                    "【演示】智能农机 作业数据接口规范",
                    "[Demo] Smart agricultural machinery — operation data interface",
                    List.of("START_REVIEW", "REGISTER_PROJECT")),
            new Sample(
                    "【演示】超硬材料 金刚石微粉 粒度检测方法",
                    "[Demo] Superhard materials — diamond micropowder particle size",
                    List.of(
                            "START_REVIEW",
                            "REGISTER_PROJECT",
                            "INITIATE_PROJECT_BALLOT",
                            "CLOSE_PROJECT_BALLOT",
                            "APPROVE_PROJECT",
                            "REGISTER_DRAFTING",
                            "START_DRAFTING")),
            new Sample(
                    "【演示】新能源客车 动力电池包 热管理系统技术要求",
                    "[Demo] New energy buses — battery pack thermal management",
                    List.of(
                            "START_REVIEW",
                            "REGISTER_PROJECT",
                            "INITIATE_PROJECT_BALLOT",
                            "CLOSE_PROJECT_BALLOT",
                            "APPROVE_PROJECT",
                            "REGISTER_DRAFTING",
                            "START_DRAFTING",
                            "APPROVE_WORKING_DRAFT",
                            "REGISTER_COMMENT_DRAFT",
                            "OPEN_COMMENT_PERIOD")),
            new Sample(
                    "【演示】矿山装备 液压支架 电液控制系统",
                    "[Demo] Mining equipment — electro-hydraulic control of powered supports",
                    List.of(
                            "START_REVIEW",
                            "REGISTER_PROJECT",
                            "INITIATE_PROJECT_BALLOT",
                            "CLOSE_PROJECT_BALLOT",
                            "APPROVE_PROJECT",
                            "REGISTER_DRAFTING",
                            "START_DRAFTING",
                            "APPROVE_WORKING_DRAFT",
                            "REGISTER_COMMENT_DRAFT",
                            "OPEN_COMMENT_PERIOD",
                            "CLOSE_COMMENT_PERIOD",
                            "DISPOSE_COMMENTS",
                            "REGISTER_REVIEW_DRAFT")));

    private final boolean enabled;
    private final AllianceRepository allianceRepository;
    private final Alliances alliances;
    private final Projects projects;
    private final ProjectRepository projectRepository;
    private final ProjectEventRepository timeline;
    private final Organizations organizations;
    private final Accounts accounts;
    private final WorkingGroupRepository workingGroups;
    private final TransactionTemplate tx;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    DemoData(
            @Value("${stdhub.demo.enabled:false}") boolean enabled,
            AllianceRepository allianceRepository,
            Alliances alliances,
            Projects projects,
            ProjectRepository projectRepository,
            ProjectEventRepository timeline,
            Organizations organizations,
            Accounts accounts,
            WorkingGroupRepository workingGroups,
            TransactionTemplate tx,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.enabled = enabled;
        this.allianceRepository = allianceRepository;
        this.alliances = alliances;
        this.projects = projects;
        this.projectRepository = projectRepository;
        this.timeline = timeline;
        this.organizations = organizations;
        this.accounts = accounts;
        this.workingGroups = workingGroups;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            create();
        }
    }

    /** Creates the demo alliance and its projects unless they exist; returns whether it created them. */
    boolean create() {
        if (allianceRepository.findByGroupCode(CODE).isPresent()) {
            return false;
        }
        return Boolean.TRUE.equals(SystemActor.run(
                "demo-data",
                () -> tx.execute(status -> {
                    long org = organizations
                            .createOrganization(
                                    OrganizationKind.ALLIANCE,
                                    "【演示】智能装备产业标准创新联盟",
                                    "[Demo] Intelligent equipment industry standard innovation alliance",
                                    null,
                                    null)
                            .id();
                    var secretary = accounts.createPerson(new NewPerson(
                            "demo-secretary", "demo-secretary@demo.invalid", null, "演示秘书处", "Demo secretariat", null));
                    organizations.grantRole(secretary.personId(), org, Role.ALLIANCE_SECRETARY, null, null);
                    AllianceView alliance = alliances.registerChecked(org, CODE, true);
                    workingGroups.save(
                            new WorkingGroup(alliance.id(), "【演示】术语与测试方法工作组", secretary.personId(), clock.instant()));
                    Participant proposer = new Participant(secretary.personId(), ACTOR, null, false);
                    for (Sample s : SAMPLES) {
                        long id = projects.proposeChecked(
                                        new NewProject(
                                                alliance.id(),
                                                s.titleZh(),
                                                s.titleEn(),
                                                "演示数据：展示团体标准从提案到发布的流程。Demo data showing the procedure.",
                                                ProjectKind.NEW,
                                                null,
                                                null),
                                        proposer,
                                        true)
                                .id();
                        walk(projectRepository.findById(id).orElseThrow(), s.path());
                    }
                    log.info(
                            "demo alliance {} created with {} projects (stdhub.demo.enabled)",
                            "T/" + CODE,
                            SAMPLES.size());
                    return true;
                })));
    }

    /** Moves a demo project along the procedure's own transitions, in order, as the demo data. */
    private void walk(Project p, List<String> path) {
        Instant at = clock.instant();
        for (String name : path) {
            Transition t = StageTransitions.named(name).orElseThrow();
            Stage from = p.stage();
            if (!t.from().contains(from)) {
                throw new IllegalStateException("demo path: " + name + " does not start at " + from.code());
            }
            p.moveTo(t.to(), at);
            if (t.to() == Stage.COMMENT_PERIOD) {
                p.openCommentPeriod(at, at.plus(Duration.ofDays(AllianceRules.DEFAULT_COMMENT_DAYS)));
            }
            timeline.save(new ProjectEvent(p.getId(), name, from, t.to(), null, ACTOR, null, at));
            events.publishEvent(StateChanged.of(Projects.AUDIT_TYPE, p.getId(), "stage-changed")
                    .withChange("stage", from.code(), t.to().code())
                    .withChange("transition", null, name)
                    .withComment(ACTOR));
        }
    }
}
