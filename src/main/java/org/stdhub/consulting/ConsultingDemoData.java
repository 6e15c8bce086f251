package org.stdhub.consulting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.consulting.declaration.DeclarationStore;
import org.stdhub.consulting.enquiry.EnquiryStore;
import org.stdhub.consulting.enquiry.FaqStore;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.OrganizationView;
import org.stdhub.identity.Organizations;
import org.stdhub.platform.SystemActor;

/**
 * Demo data of consulting on the embedded default ({@code stdhub.demo.enabled}, off in tests and the {@code postgres}
 * profile): two demo enterprises with one declaration each in the same product class (their indicators tie on one
 * indicator, for the front-runner comparison), the second declaring GB/T 19001-2008 — withdrawn in the shipped
 * catalog — and so flagged; an answered enquiry and two FAQ entries. Every record is marked {@value #MARK} or flagged
 * demo, so each page that shows it says so. Loaded once.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 5)
class ConsultingDemoData implements ApplicationRunner {

    static final String MARK = "[演示/demo]";
    static final String PRODUCT_CLASS = "储水式电热水器";
    static final String WITHDRAWN = "GB/T 19001-2008";
    static final String CURRENT = "GB/T 19001-2016";

    private static final Logger log = LoggerFactory.getLogger(ConsultingDemoData.class);

    private final boolean enabled;
    private final Organizations organizations;
    private final Declarations declarations;
    private final DeclarationStore declarationStore;
    private final EnquiryStore enquiries;
    private final FaqStore faq;
    private final TransactionTemplate transactions;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    ConsultingDemoData(
            @Value("${stdhub.demo.enabled:false}") boolean enabled,
            @Value("${stdhub.command:}") String command,
            Organizations organizations,
            Declarations declarations,
            DeclarationStore declarationStore,
            EnquiryStore enquiries,
            FaqStore faq,
            TransactionTemplate transactions,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.enabled = enabled && command.isEmpty();
        this.organizations = organizations;
        this.declarations = declarations;
        this.declarationStore = declarationStore;
        this.enquiries = enquiries;
        this.faq = faq;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            create();
        }
    }

    /** Makes the demo records unless they exist; whether it made them. */
    boolean create() {
        if (declarationStore.anyDemo()) {
            return false;
        }
        SystemActor.run("demo-data", () -> transactions.executeWithoutResult(status -> load()));
        log.info("consulting demo data loaded: 2 declarations, 1 enquiry, 2 FAQ entries");
        return true;
    }

    private void load() {
        Instant now = clock.instant();
        Instant earlier = now.minus(30, ChronoUnit.DAYS);
        OrganizationView a = organizations.createOrganization(
                OrganizationKind.ENTERPRISE, "演示热水器有限公司甲 " + MARK, "Demo Water Heaters A " + MARK, null, null);
        OrganizationView b = organizations.createOrganization(
                OrganizationKind.ENTERPRISE, "演示热水器有限公司乙 " + MARK, "Demo Water Heaters B " + MARK, null, null);
        var mandatory = List.of(
                new DeclarationForm.MandatoryIndicator("防触电保护", "符合要求", "GB 4706.1-2005", "GB 4706.1-2005 第8章"));
        declarations.declareAsSystem(
                a.id(),
                a.nameZh(),
                new DeclarationForm(
                        a.id(),
                        "储水式电热水器 DEMO-60 " + MARK,
                        PRODUCT_CLASS,
                        "演示数据：60 升储水式电热水器。",
                        List.of(CURRENT),
                        "Q/DEMOA 001-2026",
                        "储水式电热水器（演示）",
                        List.of(
                                new DeclarationForm.Indicator("热水输出率", "70", "%", IndicatorDirection.HIGHER),
                                new DeclarationForm.Indicator("24 h 固有能耗系数", "0.70", null, IndicatorDirection.LOWER)),
                        mandatory),
                earlier,
                Locale.SIMPLIFIED_CHINESE);
        long flagged = declarations.declareAsSystem(
                b.id(),
                b.nameZh(),
                new DeclarationForm(
                        b.id(),
                        "储水式电热水器 DEMO-80 " + MARK,
                        PRODUCT_CLASS,
                        "演示数据：80 升储水式电热水器；声明的 GB/T 19001-2008 已废止，因此被标示。",
                        List.of(WITHDRAWN),
                        "Q/DEMOB 002-2026",
                        "储水式电热水器（演示）",
                        List.of(
                                new DeclarationForm.Indicator("热水输出率", "70", "%", IndicatorDirection.HIGHER),
                                new DeclarationForm.Indicator("24 h 固有能耗系数", "0.62", null, IndicatorDirection.LOWER)),
                        mandatory),
                earlier,
                Locale.SIMPLIFIED_CHINESE);
        declarationStore.flag(declarationStore.currentVersionId(flagged), "demo", "WITHDRAWN", WITHDRAWN, CURRENT, now);

        long enquiry = enquiries.insert(new EnquiryStore.NewEnquiry(
                a.id(),
                a.nameZh(),
                0,
                "演示数据 / demo",
                "质量管理体系标准应执行哪个版本？ " + MARK,
                "我公司质量手册仍引用 GB/T 19001-2008，认证时应执行哪个版本？",
                "ICS",
                "03.120.10",
                EnquiryState.ASSIGNED,
                null,
                "演示数据 / demo",
                earlier,
                WorkingDays.after(LocalDate.ofInstant(earlier, clock.getZone()), 5),
                true));
        String answer = "GB/T 19001-2008 已废止，现行版本为 GB/T 19001-2016，质量手册和认证应按现行版本执行。";
        enquiries.answer(enquiry, answer, List.of(CURRENT), earlier.plus(2, ChronoUnit.DAYS));
        enquiries.move(enquiry, EnquiryState.ASSIGNED, EnquiryState.ANSWERED);
        enquiries
                .find(enquiry, LocalDate.now(clock))
                .ifPresent(e -> events.publishEvent(EnquiryProgressed.of(e, clock.getZone(), clock.instant())));
        faq.insert(
                enquiry,
                "质量管理体系标准应执行哪个版本？",
                answer,
                "Which edition of the quality management standard applies?",
                "GB/T 19001-2008 is withdrawn; the current edition is GB/T 19001-2016, which quality manuals and"
                        + " certification follow.",
                "03.120.10",
                List.of(CURRENT),
                "演示数据 / demo",
                now,
                true);
        faq.insert(
                null,
                "企业标准自我声明公开需要声明哪些内容？",
                "企业应声明产品或服务执行的标准；执行企业标准的，还应公开功能指标和性能指标，以及执行强制性标准的指标和检验方法。",
                "What does an enterprise standards self-declaration contain?",
                "The standards a product or service implements; with an enterprise standard also its functional and"
                        + " performance indicators, and the indicators of mandatory standards with their test methods.",
                null,
                List.of(),
                "演示数据 / demo",
                now,
                true);
    }
}
