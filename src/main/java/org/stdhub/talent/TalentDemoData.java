package org.stdhub.talent;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.stdhub.platform.SystemActor;

/**
 * Demo data of the talent center on the embedded default ({@code stdhub.demo.enabled}, off in the {@code postgres}
 * profile): 200 experts with fields, employers and relations (most approved, some still in review; ten with two
 * periods of unavailability ahead), a demo
 * responsible officer (an account without a role: the draw is made for them by the system), a finished draw with its
 * decision, so that the verification page has something to show, and a demo trainer (with the TRAINER role in a
 * marked training unit) with their course, a session, a small question bank and the session's exam. Every demo
 * name carries {@value #MARK}, so each page that shows a demo record says so. Loaded once (a demo expert tells
 * that it was); the demo accounts share one hash of a password nobody knows (hashed once: hashing 200 passwords took
 * seconds) and must set their own before use.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class TalentDemoData implements ApplicationRunner {

    static final String MARK = "[演示/demo]";
    static final String OFFICER = "demo-talent-officer";
    static final String TRAINER = "demo-trainer";
    static final int EXPERTS = 200;

    private static final Logger log = LoggerFactory.getLogger(TalentDemoData.class);
    private static final String[] FIELDS = {
        "01.040",
        "01.120",
        "03.100.30",
        "03.120.10",
        "13.020",
        "13.100",
        "25.040",
        "29.020",
        "35.240",
        "43.020",
        "65.020",
        "67.040",
        "91.100",
        "A00",
        "L70"
    };
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "郑", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明"};
    private static final String[] REGIONS = {"郑州", "洛阳", "新乡", "开封", "许昌"};
    private static final String[] COMMITTEES = {
        "全国智能制造系统标准化技术委员会 SAC/TC 573", "河南省装备制造标准化技术委员会", "全国信息技术标准化技术委员会 SAC/TC 28"
    };

    private final boolean enabled;
    private final Accounts accounts;
    private final Organizations organizations;
    private final org.stdhub.talent.expert.ExpertRepository expertRepository;
    private final Experts experts;
    private final ExpertTrackRecord trackRecord;
    private final ExpertAvailability availability;
    private final java.time.Clock clock;
    private final Draws draws;
    private final Courses courses;
    private final Exams exams;
    private final QuestionBanks questionBanks;
    private final TransactionTemplate transactions;
    private final EntityManager entityManager;

    TalentDemoData(
            @Value("${stdhub.demo.enabled:false}") boolean enabled,
            @Value("${stdhub.command:}") String command,
            Accounts accounts,
            Organizations organizations,
            org.stdhub.talent.expert.ExpertRepository expertRepository,
            Experts experts,
            ExpertTrackRecord trackRecord,
            ExpertAvailability availability,
            java.time.Clock clock,
            Draws draws,
            Courses courses,
            Exams exams,
            QuestionBanks questionBanks,
            TransactionTemplate transactions,
            EntityManager entityManager) {
        // an operator command (java -jar stdhub.jar COMMAND) does its own work only
        this.enabled = enabled && command.isEmpty();
        this.accounts = accounts;
        this.organizations = organizations;
        this.expertRepository = expertRepository;
        this.experts = experts;
        this.trackRecord = trackRecord;
        this.availability = availability;
        this.clock = clock;
        this.draws = draws;
        this.courses = courses;
        this.exams = exams;
        this.questionBanks = questionBanks;
        this.transactions = transactions;
        this.entityManager = entityManager;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            SystemActor.run("demo", this::load);
        }
    }

    /** Loads the demo data unless it is there; true when it loaded. Runs as the system actor "demo". */
    boolean load() {
        return SystemActor.run(
                "demo",
                () -> Boolean.TRUE.equals(transactions.execute(status -> {
                    if (expertRepository.existsByNameStartingWith(MARK)) {
                        return false;
                    }
                    loadAll();
                    return true;
                })));
    }

    private void loadAll() {
        long started = System.nanoTime();
        Random random = new Random(2026);
        List<String> employers = List.of(
                MARK + " 郑州智能装备有限公司",
                MARK + " 洛阳轴承科技股份有限公司",
                MARK + " 新乡电池材料有限公司",
                MARK + " 河南省标准化研究院",
                MARK + " 郑州大学");
        // every demo account in one call: their unknown password is hashed once, not once per account
        List<NewPerson> accountsToMake = new ArrayList<>();
        accountsToMake.add(demoPerson(OFFICER, MARK + " 抽取负责人"));
        accountsToMake.add(demoPerson(TRAINER, MARK + " 培训讲师"));
        for (int i = 1; i <= EXPERTS; i++) {
            String name = SURNAMES[random.nextInt(SURNAMES.length)]
                    + GIVEN[random.nextInt(GIVEN.length)]
                    + GIVEN[random.nextInt(GIVEN.length)];
            accountsToMake.add(demoPerson(String.format("demo-expert-%03d", i), MARK + " " + name));
        }
        // in lists of 25 with the persistence context emptied between them (each account and its event publication
        // stay in the context, which every query flushes): one hash per list
        List<Long> made = new ArrayList<>();
        for (int from = 0; from < accountsToMake.size(); from += 25) {
            made.addAll(accounts.createDemoPeople(
                    accountsToMake.subList(from, Math.min(from + 25, accountsToMake.size()))));
            detachEverything();
        }
        long officer = made.get(0);
        long trainer = made.get(1);
        // the demo trainer teaches for a marked training unit of the base: the TRAINER role lets them manage their
        // sessions, question banks, exams, attendance and scoring once they sign in
        long trainingUnit = organizations
                .createOrganization(
                        OrganizationKind.BASE_OFFICE,
                        MARK + " 标准化基地培训部",
                        "[Demo] Standardization base training unit",
                        null,
                        null)
                .id();
        organizations.grantRole(trainer, trainingUnit, Role.TRAINER, null, null);
        List<Long> people = made.subList(2, made.size());
        for (int i = 1; i <= EXPERTS; i++) {
            detachEverything(); // what the last expert's steps held
            long personId = people.get(i - 1);
            String fields = FIELDS[random.nextInt(FIELDS.length)]
                    + (random.nextBoolean() ? " " + FIELDS[random.nextInt(FIELDS.length)] : "");
            String ics = String.join(
                    " ",
                    java.util.Arrays.stream(fields.split(" "))
                            .filter(c -> Character.isDigit(c.charAt(0)))
                            .distinct()
                            .toList());
            String ccs = String.join(
                    " ",
                    java.util.Arrays.stream(fields.split(" "))
                            .filter(c -> !Character.isDigit(c.charAt(0)))
                            .distinct()
                            .toList());
            Title title = i % 7 == 0 ? Title.INTERMEDIATE : (i % 3 == 0 ? Title.FULL_SENIOR : Title.SENIOR);
            ExpertView e = experts.enter(
                    personId,
                    new ExpertForms.ProfileForm(
                            ics,
                            ccs,
                            MARK + " 标准化 技术审查",
                            title,
                            title == Title.INTERMEDIATE,
                            8 + random.nextInt(28),
                            REGIONS[random.nextInt(REGIONS.length)]));
            experts.addEmployment(
                    e.id(),
                    new ExpertForms.EmploymentForm(
                            null,
                            employers.get(random.nextInt(employers.size())),
                            LocalDate.of(2005 + random.nextInt(15), 1, 1),
                            null));
            if (i % 4 == 0) {
                trackRecord.addCommittee(
                        e.id(),
                        new ExpertForms.CommitteeForm(
                                MARK + " " + COMMITTEES[i % COMMITTEES.length],
                                i % 8 == 0 ? "委员" : "副秘书长",
                                LocalDate.of(2015 + i % 8, 1, 1),
                                null));
            }
            if (i % 6 == 0) {
                trackRecord.addDraftedStandard(
                        e.id(),
                        new ExpertForms.DraftedStandardForm("T/HNBZ " + (100 + i) + "-2024", MARK, "起草人", null));
            }
            if (i % 20 == 3) {
                // two periods of unavailability ahead: a trip and a course
                LocalDate today = LocalDate.now(clock);
                availability.addPeriod(
                        e.id(), new ExpertForms.UnavailablePeriodForm(today.plusDays(14 + i % 7), today.plusDays(24)));
                availability.addPeriod(
                        e.id(), new ExpertForms.UnavailablePeriodForm(today.plusDays(60), today.plusDays(75)));
            }
            if (i % 13 == 0) {
                // a relative of the demo draw's party person (the first demo expert's person)
                experts.addRelation(
                        e.id(),
                        new ExpertForms.RelationForm(RelationKind.FAMILY, null, people.get(0), "配偶", null, null));
            }
            if (i == 50) {
                experts.addRelation(
                        e.id(),
                        new ExpertForms.RelationForm(
                                RelationKind.PENALTY, null, null, "2018 年评审违规，行政处罚", LocalDate.of(2018, 5, 1), null));
            }
            if (i % 10 == 0) {
                continue; // still an applicant: the review flow has something to do
            }
            experts.transition(e.id(), ExpertTransition.START_REVIEW, null);
            if (i % 10 == 5) {
                continue; // in review
            }
            experts.transition(e.id(), ExpertTransition.APPROVE, null);
        }

        Viewer responsible = new Viewer(officer, true);
        DrawView requested = draws.request(
                new DrawForms.NewDraw(
                        DrawPurpose.PROJECT_REVIEW,
                        MARK + " T/HNBZ 001—2026《智能装备通用技术要求》送审稿审查",
                        "25.040 29.020 35.240",
                        5,
                        2,
                        null,
                        List.of(),
                        List.of(people.get(0)),
                        List.of(people.get(1), people.get(2)),
                        List.of()),
                responsible);
        draws.commit(requested.id(), responsible);
        draws.draw(requested.id(), responsible);
        DrawView decided = draws.decide(requested.id(), MARK + " 审查会议已召开，送审稿通过，结果公开。", responsible);
        for (var p : decided.positions()) {
            if (p.member()) {
                draws.rate(
                        requested.id(),
                        p.expertId(),
                        new DrawForms.Rating(3 + p.position() % 3, MARK + " 按时提交评审意见"),
                        responsible);
            }
        }
        long course = loadTraining(trainer);
        log.info(
                "Talent demo data: {} experts, a finished draw (#{}), a course (#{}) with an exam in {} ms",
                EXPERTS,
                requested.id(),
                course,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The demo trainer's course with one session in a month, a small question bank and the session's exam.
     */
    private long loadTraining(long trainer) {
        // the demo trainer's steps are made in their name (their account is not signed in to)
        Viewer teacher = new Viewer(trainer, false);
        CourseView course = courses.createCourse(new CourseForms.NewCourse(
                MARK + " 标准化基础知识培训",
                "Standardization basics",
                "标准化的基本概念、标准体系、GB/T 1.1—2020 标准化工作导则的结构和起草规则；结业考试合格者颁发培训证书。"));
        java.time.LocalDateTime start = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .plusDays(30)
                .atTime(9, 0);
        SessionView session = courses.addSession(
                course.id(),
                new CourseForms.NewSession(
                        MARK + " 郑州市郑东新区 标准化基地 201 教室",
                        start,
                        start.plusHours(7),
                        30,
                        new java.math.BigDecimal("800.00")),
                teacher);
        long bank = questionBanks
                .createBank(new ExamForms.NewBank(MARK + " 标准化基础题库"), teacher)
                .id();
        questionBanks.addQuestion(
                bank,
                new ExamForms.NewQuestion(
                        QuestionKind.SINGLE, "基础", "GB/T 1.1—2020 规定的是什么？", "标准化文件的结构和起草规则\n产品质量检验方法\n标准的复审程序", "A", 2),
                teacher);
        questionBanks.addQuestion(
                bank,
                new ExamForms.NewQuestion(
                        QuestionKind.SINGLE, "基础", "团体标准由谁制定？", "国务院标准化行政主管部门\n依法成立的社会团体\n企业", "B", 2),
                teacher);
        questionBanks.addQuestion(
                bank,
                new ExamForms.NewQuestion(
                        QuestionKind.MULTIPLE, "基础", "我国标准按层级分为哪些？", "国家标准\n行业标准\n地方标准\n国际标准", "A,B,C", 3),
                teacher);
        questionBanks.addQuestion(
                bank, new ExamForms.NewQuestion(QuestionKind.TRUE_FALSE, "基础", "强制性标准必须执行。", null, "true", 1), teacher);
        questionBanks.addQuestion(
                bank,
                new ExamForms.NewQuestion(QuestionKind.TRUE_FALSE, "基础", "推荐性国家标准的代号是 GB。", null, "false", 1),
                teacher);
        questionBanks.addQuestion(
                bank,
                new ExamForms.NewQuestion(QuestionKind.SHORT, "起草", "简述标准中“范围”一章应写明的内容。", null, "文件的对象和适用界限", 4),
                teacher);
        exams.createExam(
                new ExamForms.NewExam(
                        session.id(),
                        bank,
                        MARK + " 标准化基础知识结业考试",
                        "SINGLE * 2\nMULTIPLE * 1\nTRUE_FALSE * 1\nSHORT * 1",
                        30,
                        7,
                        1,
                        MARK + " 标准化基础知识培训合格证书"),
                teacher);
        return course.id();
    }

    /**
     * Writes what the last expert's steps changed and empties the persistence context: every query auto-flushes,
     * and a flush checks every entity the transaction holds, so 200 experts in one context cost quadratic time (26-31
     * s on a 2-core machine, most of the platform's first start). Each step reads what it needs again by id.
     */
    private void detachEverything() {
        entityManager.flush();
        entityManager.clear();
    }

    private static NewPerson demoPerson(String login, String nameZh) {
        return new NewPerson(login, login + "@demo.stdhub.local", null, nameZh, null, null);
    }
}
