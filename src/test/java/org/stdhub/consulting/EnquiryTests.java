package org.stdhub.consulting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stdhub.CatalogTest;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;

/**
 * Enquiries: routing by the longest field prefix (and to the base office without a route), the service-level
 * deadline in working days, reminders (the job called by the test, once a day), the state machine and who sees and
 * does what, attachments checked by content, references validated against the catalog, and the anonymised FAQ.
 */
@CatalogTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnquiryTests {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    Enquiries enquiries;

    @Autowired
    EnquiryRoutes routes;

    @Autowired
    EnquiryReminders reminders;

    @Autowired
    Faq faq;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    ConsultingFixtures fx;
    long enterprise;
    long otherEnterprise;
    String asker;
    String otherAsker;
    String officer;
    String broadExpert;
    String narrowExpert;
    /** An ICS prefix of this run no other test routes: "98.{n}". */
    String field;

    @BeforeAll
    void setUp() {
        fx = new ConsultingFixtures(accounts, organizations, principals);
        enterprise = fx.enterprise("咨询企业");
        otherEnterprise = fx.enterprise("另一咨询企业");
        asker = fx.people.person("ea", enterprise, Role.ENTERPRISE_USER);
        otherAsker = fx.people.person("eo", otherEnterprise, Role.ENTERPRISE_USER);
        officer = fx.officer();
        broadExpert = fx.people.person("eb");
        narrowExpert = fx.people.person("en");
        field = "98." + String.format("%03d", Integer.parseInt(ConsultingFixtures.RUN) % 1000);
        fx.signIn(officer);
        routes.put("ICS", field, fx.people.personId(broadExpert));
        routes.put("ICS", field + ".10", fx.people.personId(narrowExpert));
        TestPeople.signOut();
    }

    @AfterEach
    void reset() {
        TestPeople.signOut();
        clock.reset();
    }

    EnquiryView ask(String login, long organizationId, String code) {
        fx.signIn(login);
        return enquiries.ask(new EnquiryForm(organizationId, "测试咨询 " + code, "问题内容", "ICS", code), List.of());
    }

    @Test
    void anEnquiryGoesToTheLongestMatchingPrefixOrToTheBaseOffice() {
        assertThat(ask(asker, enterprise, field + ".10").assigneePersonId())
                .isEqualTo(fx.people.personId(narrowExpert));
        EnquiryView broad = ask(asker, enterprise, field + ".20");
        assertThat(broad.state()).isEqualTo(EnquiryState.ASSIGNED);
        assertThat(broad.assigneePersonId()).isEqualTo(fx.people.personId(broadExpert));
        fx.signIn(asker);
        EnquiryView unrouted = enquiries.ask(new EnquiryForm(enterprise, "无路由", "问题", "CCS", "Z99"), List.of());
        assertThat(unrouted.state()).isEqualTo(EnquiryState.SUBMITTED);
        assertThat(unrouted.assigneePersonId()).isNull();

        // the base office assigns it by hand; nobody else may
        fx.signIn(broadExpert);
        assertThatThrownBy(() -> enquiries.assign(unrouted.id(), fx.people.personId(broadExpert), null))
                .isInstanceOf(NotFoundException.class);
        fx.signIn(officer);
        EnquiryView assigned = enquiries.assign(unrouted.id(), fx.people.personId(broadExpert), "按领域分派");
        assertThat(assigned.state()).isEqualTo(EnquiryState.ASSIGNED);
        assertThat(assigned.assigneeName()).isNotBlank();
    }

    @Test
    void theDeadlineCountsWorkingDaysAndAssigneesAreRemindedOncePerDay() {
        // a Friday next week or the week after: five working days later is the Friday after
        LocalDate friday = clock.today().plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        clock.set(friday.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant());
        EnquiryView e = ask(asker, enterprise, field + ".30");
        assertThat(e.dueOn()).isEqualTo(friday.plusDays(7));
        assertThat(e.overdue()).isFalse();

        // Monday: not due soon, no reminder for it
        clock.set(friday.plusDays(3).atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant());
        reminders.remind();
        assertThat(remindedOn(e.id())).isNull();
        // Thursday: due tomorrow — reminded, and only once that day
        clock.set(friday.plusDays(6).atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant());
        assertThat(reminders.remind()).isPositive();
        assertThat(remindedOn(e.id())).isEqualTo(friday.plusDays(6));
        assertThat(reminders.remind()).isZero();
        // the following Monday it is overdue, and reminded again
        clock.set(
                friday.plusDays(10).atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant());
        fx.signIn(asker);
        assertThat(enquiries.get(e.id()).overdue()).isTrue();
        reminders.remind();
        assertThat(remindedOn(e.id())).isEqualTo(friday.plusDays(10));
    }

    private LocalDate remindedOn(long id) {
        java.sql.Date d =
                jdbc.queryForObject("select last_reminded_on from enquiry where id = ?", java.sql.Date.class, id);
        return d == null ? null : d.toLocalDate();
    }

    @Test
    void anEnterpriseSeesItsOwnEnquiriesAndAnAssigneeOnlyThoseAssignedToThem() {
        EnquiryView mine = ask(asker, enterprise, field + ".40");
        EnquiryView theirs = ask(otherAsker, otherEnterprise, field + ".10");

        fx.signIn(asker);
        assertThat(enquiries.visible(null))
                .extracting(EnquiryView::id)
                .contains(mine.id())
                .doesNotContain(theirs.id());
        assertThatThrownBy(() -> enquiries.get(theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> enquiries.ask(new EnquiryForm(otherEnterprise, "冒名", "问题", "ICS", field), List.of()))
                .isInstanceOf(NotPermittedException.class);

        fx.signIn(narrowExpert);
        assertThat(enquiries.visible(null))
                .extracting(EnquiryView::id)
                .contains(theirs.id())
                .doesNotContain(mine.id());
        assertThatThrownBy(() -> enquiries.answer(mine.id(), "答复", List.of(), ZH))
                .isInstanceOf(NotFoundException.class);

        fx.signIn(officer);
        assertThat(enquiries.visible(null)).extracting(EnquiryView::id).contains(mine.id(), theirs.id());
    }

    @Test
    void answeredWithCatalogReferencesRatedOnceAndPublishedAsAnAnonymisedFaq() {
        EnquiryView e = ask(asker, enterprise, field + ".50");
        fx.signIn(asker);
        assertThatThrownBy(() -> enquiries.rate(e.id(), 5, null)).isInstanceOf(ConflictException.class);

        fx.signIn(broadExpert);
        assertThatThrownBy(() -> enquiries.answer(e.id(), "答复", List.of("GB/T 99999-2099"), ZH))
                .isInstanceOf(DeclarationRefused.class);
        assertThatThrownBy(() -> enquiries.answer(e.id(), " ", List.of(), ZH))
                .isInstanceOf(InvalidInputException.class);
        EnquiryView answered = enquiries.answer(
                e.id(), "请执行现行的 GB/T 19001-2016。", List.of("GB/T 19001-2016", " GB/T 19001-2016 "), ZH);
        assertThat(answered.state()).isEqualTo(EnquiryState.ANSWERED);
        assertThat(answered.references()).containsExactly("GB/T 19001-2016");
        assertThatThrownBy(() -> enquiries.answer(e.id(), "再答一次", List.of(), ZH))
                .isInstanceOf(ConflictException.class);

        fx.signIn(asker);
        assertThatThrownBy(() -> enquiries.rate(e.id(), 6, null)).isInstanceOf(InvalidInputException.class);
        assertThat(enquiries.rate(e.id(), 4, "清楚").state()).isEqualTo(EnquiryState.RATED);
        assertThatThrownBy(() -> enquiries.withdraw(e.id(), null)).isInstanceOf(ConflictException.class);

        // staff only, and never with the enterprise's name in it
        assertThatThrownBy(() -> faq.publish(e.id(), new FaqForm("问题", "答复", null, null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        fx.signIn(officer);
        String name = answered.organizationName();
        assertThatThrownBy(() -> faq.publish(e.id(), new FaqForm(name + "问：执行哪个版本？", "答复", null, null)))
                .isInstanceOf(InvalidInputException.class);
        String word = "版本" + ConsultingFixtures.RUN;
        FaqEntry entry = faq.publish(
                e.id(),
                new FaqForm("质量管理体系执行哪个" + word + "？", "执行 GB/T 19001-2016。", "Which edition?", "GB/T 19001-2016."));
        assertThatThrownBy(() -> faq.publish(e.id(), new FaqForm("再发", "再发", null, null)))
                .isInstanceOf(ConflictException.class);
        TestPeople.signOut();
        assertThat(faq.search(word)).extracting(FaqEntry::id).containsExactly(entry.id());
        assertThat(faq.search("which edition zzz" + ConsultingFixtures.RUN)).isEmpty();
        assertThat(faq.get(entry.id()).references()).containsExactly("GB/T 19001-2016");
    }

    @Test
    void attachmentsAreCheckedByTheirContentAndSize() {
        fx.signIn(asker);
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        EnquiryView e = enquiries.ask(
                new EnquiryForm(enterprise, "带附件", "见附件", "ICS", field + ".60"),
                List.of(new Enquiries.Upload("说明.pdf", pdf)));
        assertThat(e.attachments()).singleElement().satisfies(a -> {
            assertThat(a.mediaType()).isEqualTo("application/pdf");
            assertThat(a.fileName()).isEqualTo("说明.pdf");
        });
        assertThat(enquiries.attachment(e.id(), e.attachments().getFirst().id()).content())
                .isEqualTo(pdf);

        byte[] exe = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> enquiries.ask(
                        new EnquiryForm(enterprise, "坏附件", "见附件", "ICS", field + ".60"),
                        List.of(new Enquiries.Upload("说明.pdf", exe))))
                .isInstanceOf(InvalidInputException.class)
                .extracting(x -> ((InvalidInputException) x).fieldErrors())
                .satisfies(errors -> assertThat(errors).containsEntry("files", "consulting.error.attachment-type"));
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        assertThatThrownBy(() -> enquiries.ask(
                        new EnquiryForm(enterprise, "大附件", "见附件", "ICS", field + ".60"),
                        List.of(new Enquiries.Upload("大.txt", huge))))
                .isInstanceOf(InvalidInputException.class)
                .extracting(x -> ((InvalidInputException) x).fieldErrors())
                .satisfies(
                        errors -> assertThat(errors).containsEntry("files", "consulting.error.attachment-too-large"));

        fx.signIn(otherAsker);
        assertThatThrownBy(() ->
                        enquiries.attachment(e.id(), e.attachments().getFirst().id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void badFieldsAreRefusedWithAFieldError() {
        fx.signIn(asker);
        assertThatThrownBy(() -> enquiries.ask(new EnquiryForm(enterprise, "坏领域", "问题", "ICS", "abc"), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .extracting(x -> ((InvalidInputException) x).fieldErrors())
                .satisfies(errors -> assertThat(errors).containsEntry("fieldCode", "consulting.error.field"));
        fx.signIn(officer);
        assertThatThrownBy(() -> routes.put("XYZ", "1", fx.people.personId(broadExpert)))
                .isInstanceOf(InvalidInputException.class);
        fx.signIn(asker);
        assertThatThrownBy(() -> routes.put("ICS", "97", fx.people.personId(asker)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
