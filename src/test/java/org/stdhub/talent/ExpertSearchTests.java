package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.SystemActor;

/**
 * The base office's search of the expert database with real records: each filter (field, keyword, title, years,
 * region, availability, status) alone and combined, pages, the CSV and Excel exports with the same filter, bad
 * filters refused by name, and nobody but staff searching or exporting.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpertSearchTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Experts experts;

    @Autowired
    ExpertAvailability availability;

    TalentFixtures f;
    String officer;
    String expertLogin;
    String field;
    long a;
    long b;
    long c;

    @BeforeAll
    void setUp() {
        f = new TalentFixtures(accounts, organizations, principals, experts);
        officer = f.officer();
        field = TalentFixtures.field();
        // A: a narrower class, full senior, 20 years, 郑州, 茶叶, away in March and early June 2097, active
        expertLogin = f.person("srcha");
        a = enter(
                expertLogin,
                new ExpertForms.ProfileForm(field + ".10", "", "茶叶 加工", Title.FULL_SENIOR, false, 20, "河南郑州"),
                true);
        away(a, LocalDate.of(2097, 6, 1), LocalDate.of(2097, 6, 10));
        away(a, LocalDate.of(2097, 3, 1), LocalDate.of(2097, 3, 31));
        // B: the class itself, senior, 10 years, 洛阳, 机械, always available, active
        b = enter(
                f.person("srchb"), new ExpertForms.ProfileForm(field, "", "机械", Title.SENIOR, false, 10, "河南洛阳"), true);
        // C: another narrower class, intermediate, 5 years, 郑州, 茶叶 机械, away from 2097 on, still an applicant
        c = enter(
                f.person("srchc"),
                new ExpertForms.ProfileForm(field + ".20", "", "茶叶 机械", Title.INTERMEDIATE, false, 5, "郑州"),
                false);
        away(c, LocalDate.of(2097, 1, 1), null);
    }

    private void away(long expert, LocalDate from, LocalDate to) {
        SystemActor.run("test", () -> availability.addPeriod(expert, new ExpertForms.UnavailablePeriodForm(from, to)));
    }

    private long enter(String login, ExpertForms.ProfileForm profile, boolean approve) {
        long person = f.people.personId(login);
        return SystemActor.run("test", () -> {
            long id = experts.enter(person, profile).id();
            if (approve) {
                experts.transition(id, ExpertTransition.START_REVIEW, null);
                experts.transition(id, ExpertTransition.APPROVE, null);
            }
            return id;
        });
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    private static ExpertForms.Filter filter(
            String field,
            String keyword,
            Title title,
            Integer minYears,
            String region,
            LocalDate from,
            LocalDate to,
            ExpertStatus status) {
        return new ExpertForms.Filter(null, field, keyword, title, minYears, region, from, to, status);
    }

    private List<Long> found(ExpertForms.Filter filter) {
        return experts.search(filter, 0, 50).items().stream()
                .map(ExpertView::id)
                .toList();
    }

    @Test
    void eachFilterFindsExactlyTheExpertsItDescribes() {
        f.signIn(officer);
        // field: the class's beginning finds the narrower classes; a narrower class finds who serves the broader
        assertThat(found(filter(field, null, null, null, null, null, null, null)))
                .containsExactly(a, b, c);
        assertThat(found(filter(field + ".1", null, null, null, null, null, null, null)))
                .containsExactly(a, b);
        assertThat(found(filter(field + ".20", null, null, null, null, null, null, null)))
                .containsExactly(b, c);
        // keyword
        assertThat(found(filter(field, "茶叶", null, null, null, null, null, null)))
                .containsExactly(a, c);
        // title: at least senior
        assertThat(found(filter(field, null, Title.SENIOR, null, null, null, null, null)))
                .containsExactly(a, b);
        assertThat(found(filter(field, null, Title.FULL_SENIOR, null, null, null, null, null)))
                .containsExactly(a);
        // years in the field
        assertThat(found(filter(field, null, null, 10, null, null, null, null))).containsExactly(a, b);
        assertThat(found(filter(field, null, null, 15, null, null, null, null))).containsExactly(a);
        // region
        assertThat(found(filter(field, null, null, null, "郑州", null, null, null)))
                .containsExactly(a, c);
        // availability on one day and over a period (both ends count)
        assertThat(found(filter(field, null, null, null, null, LocalDate.of(2097, 3, 10), null, null)))
                .containsExactly(b);
        assertThat(found(filter(
                        field, null, null, null, null, LocalDate.of(2096, 12, 1), LocalDate.of(2096, 12, 31), null)))
                .containsExactly(a, b, c);
        assertThat(found(filter(
                        field, null, null, null, null, LocalDate.of(2096, 12, 1), LocalDate.of(2097, 1, 1), null)))
                .containsExactly(a, b);
        assertThat(found(filter(
                        field, null, null, null, null, LocalDate.of(2097, 2, 1), LocalDate.of(2097, 3, 1), null)))
                .containsExactly(b);
        assertThat(found(filter(field, null, null, null, null, LocalDate.of(2096, 4, 1), null, null)))
                .containsExactly(a, b, c);
        // every period counts: A's second period, and the days between A's two periods
        assertThat(found(filter(field, null, null, null, null, LocalDate.of(2097, 6, 5), null, null)))
                .containsExactly(b);
        assertThat(found(filter(field, null, null, null, null, LocalDate.of(2097, 6, 11), null, null)))
                .containsExactly(a, b);
        assertThat(found(filter(
                        field, null, null, null, null, LocalDate.of(2097, 4, 1), LocalDate.of(2097, 5, 31), null)))
                .containsExactly(a, b);
        assertThat(found(filter(
                        field, null, null, null, null, LocalDate.of(2097, 4, 1), LocalDate.of(2097, 6, 1), null)))
                .containsExactly(b);
        // status
        assertThat(found(filter(field, null, null, null, null, null, null, ExpertStatus.ACTIVE)))
                .containsExactly(a, b);
        assertThat(found(filter(field, null, null, null, null, null, null, ExpertStatus.APPLICANT)))
                .containsExactly(c);
        // combined
        assertThat(found(filter(field, "茶叶", null, null, "郑州", null, null, ExpertStatus.ACTIVE)))
                .containsExactly(a);
        assertThat(found(filter(
                        field, "机械", Title.SENIOR, 8, null, LocalDate.of(2097, 3, 10), null, ExpertStatus.ACTIVE)))
                .containsExactly(b);
        assertThat(found(filter(field, "茶叶", Title.SENIOR, null, null, LocalDate.of(2097, 3, 10), null, null)))
                .isEmpty();
    }

    @Test
    void theResultComesInPages() {
        f.signIn(officer);
        ExpertForms.Filter all = filter(field, null, null, null, null, null, null, null);
        ExpertPage first = experts.search(all, 0, 2);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.items()).extracting(ExpertView::id).containsExactly(a, b);
        assertThat(experts.search(all, 1, 2).items()).extracting(ExpertView::id).containsExactly(c);
        assertThat(experts.search(all, 2, 2).items()).isEmpty();
    }

    @Test
    void badFiltersAreRefusedByNameAndOnlyStaffSearch() {
        f.signIn(officer);
        assertThatThrownBy(() -> experts.search(filter("abc!", null, null, null, null, null, null, null), 0, 10))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("field"));
        assertThatThrownBy(() -> experts.search(
                        filter(field, null, null, null, null, LocalDate.of(2097, 2, 1), LocalDate.of(2097, 1, 1), null),
                        0,
                        10))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("availableTo"));
        assertThatThrownBy(() -> experts.search(
                        filter(field, null, null, null, null, null, LocalDate.of(2097, 1, 1), null), 0, 10))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("availableFrom"));
        assertThatThrownBy(() -> experts.search(filter(field, null, null, -1, null, null, null, null), 0, 10))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("minYears"));
        assertThatThrownBy(() -> experts.search(ExpertForms.Filter.none(), 0, 0))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("size"));
        f.signIn(expertLogin);
        assertThatThrownBy(() -> experts.search(ExpertForms.Filter.none(), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> experts.search(ExpertForms.Filter.none())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theApiAndThePageSearchWithTheSameParameters() {
        assertThat(mvc.get()
                        .uri("/api/v1/experts?field={f}&title=SENIOR&availableFrom=2097-03-10", field)
                        .with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.items[*].id")
                .asArray()
                .containsExactly((int) b);
        assertThat(mvc.get()
                        .uri("/api/v1/experts?field={f}&keyword=茶叶&size=1&page=1", field)
                        .with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(2);
                    assertThat(json).extractingPath("$.items[0].id").isEqualTo((int) c);
                });
        // bad parameters: 400 with each one named, in the caller's language
        assertThat(mvc.get()
                        .uri("/api/v1/experts?title=KING&availableFrom=tomorrow&status=ACTIVE")
                        .with(user(f.user(officer))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors.title").isEqualTo("没有这个职称等级。");
                    assertThat(json).extractingPath("$.errors.availableFrom").isEqualTo("日期格式应为 2026-12-31。");
                });
        assertThat(mvc.get()
                        .uri("/api/v1/experts?field=x.y&size=500")
                        .header("Accept-Language", "en")
                        .with(user(f.user(officer))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors.size").isEqualTo("The page size is between 1 and 200.");
                    assertThat(json)
                            .extractingPath("$.errors.field")
                            .asString()
                            .startsWith("The field is an ICS class");
                });
        // the page: the filter kept in the form, the count, the export links with the same filter
        assertThat(mvc.get()
                        .uri("/experts?field={f}&region=郑州&title=FULL_SENIOR", field)
                        .with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("共找到 1 位专家", "id=\"export-xlsx\"", "export.xlsx?field=" + field)
                .contains("/experts/" + a)
                .doesNotContain("/experts/" + c + "\"");
        assertThat(mvc.get().uri("/experts?title=KING").with(user(f.user(officer))))
                .hasStatus(HttpStatus.BAD_REQUEST);
        // nobody else
        assertThat(mvc.get().uri("/api/v1/experts?field={f}", field).with(user(f.user(expertLogin))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/experts?field={f}", field).with(user(f.user(expertLogin))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/experts")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theExportsHonourTheFilterAndOnlyStaffExport() throws Exception {
        var csv = mvc.get()
                .uri("/experts/export.csv?field={f}&keyword=茶叶", field)
                .with(user(f.user(officer)))
                .exchange();
        assertThat(csv).hasStatus(HttpStatus.OK);
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isEqualTo(3);
        assertThat(text).contains(field + ".10", field + ".20", "2097-03-01–2097-03-31; 2097-06-01–2097-06-10");
        assertThat(text.lines()).noneMatch(l -> l.startsWith(b + ","));
        var apiCsv = mvc.get()
                .uri("/api/v1/experts/export.csv?field={f}&status=ACTIVE&minYears=15", field)
                .with(user(f.user(officer)))
                .exchange();
        assertThat(apiCsv).hasStatus(HttpStatus.OK);
        assertThat(new String(apiCsv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).lines())
                .hasSize(2);

        for (String path : List.of("/experts/export.xlsx", "/api/v1/experts/export.xlsx")) {
            var xlsx = mvc.get()
                    .uri(path + "?field={f}&status=ACTIVE", field)
                    .with(user(f.user(officer)))
                    .exchange();
            assertThat(xlsx).hasStatus(HttpStatus.OK);
            assertThat(xlsx.getResponse().getContentType())
                    .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            try (var book =
                    new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("id");
                List<String> ids = new ArrayList<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
                assertThat(ids).containsExactly(String.valueOf(a), String.valueOf(b));
                assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo(field + ".10");
            }
        }
        assertThat(mvc.get().uri("/experts/export.xlsx?field=abc!").with(user(f.user(officer))))
                .hasStatus(HttpStatus.BAD_REQUEST);
        for (String path : List.of(
                "/experts/export.csv",
                "/experts/export.xlsx",
                "/api/v1/experts/export.csv",
                "/api/v1/experts/export.xlsx")) {
            assertThat(mvc.get().uri(path).with(user(f.user(expertLogin)))).hasStatus(HttpStatus.FORBIDDEN);
        }
    }
}
