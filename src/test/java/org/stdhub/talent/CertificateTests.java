package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.SystemActor;
import org.stdhub.talent.certificate.CertificateNumbers;

/** Certificates: issued by trainers, verified by anyone by number, revoked with a reason the verification shows. */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateTests {

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
    Certificates certificates;

    TalentFixtures f;
    String trainer;
    String holder;

    @BeforeAll
    void setUp() {
        f = new TalentFixtures(accounts, organizations, principals, experts);
        trainer = f.person("trn");
        long office = f.people.officeId();
        SystemActor.run(
                "test", () -> organizations.grant(f.people.personId(trainer), office, Role.TRAINER, null, null));
        holder = f.person("hld");
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    @Test
    void aTrainerIssuesACertificateThatAnyoneVerifiesByNumberAndARevocationShowsItsReason() {
        f.signIn(trainer);
        CertificateView issued = certificates.issue(
                new Certificates.IssueForm(f.people.personId(holder), "标准化基础知识培训合格", "Standardization basics", null));
        assertThat(issued.number()).matches("STH-\\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(issued.status()).isEqualTo(CertificateView.Status.VALID);
        TestPeople.signOut();
        assertThat(certificates.verify(issued.number().toLowerCase()).holderName())
                .isEqualTo(issued.holderName());

        assertThat(mvc.get().uri("/api/v1/certificates/" + issued.number()))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("VALID");
        assertThat(mvc.post()
                        .uri("/api/v1/certificates/" + issued.number() + "/revoke")
                        .with(user(f.user(holder)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"自己撤销\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/certificates/" + issued.number() + "/revoke")
                        .with(user(f.user(trainer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"考试作弊，成绩取消\"}"))
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.get().uri("/api/v1/certificates/" + issued.number()))
                .bodyJson()
                .extractingPath("$.revocationReason")
                .isEqualTo("考试作弊，成绩取消");
        assertThat(mvc.get().uri("/certificates/" + issued.number()))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("证书已撤销", "考试作弊，成绩取消", issued.number());
        f.signIn(trainer);
        assertThatThrownBy(() -> certificates.revoke(issued.number(), "再次")).isInstanceOf(ConflictException.class);
        f.signIn(holder);
        assertThat(certificates.mine()).extracting(CertificateView::number).contains(issued.number());
    }

    @Test
    void theCertificatePdfEmbedsTheCjkFontAndCarriesItsChineseText() throws Exception {
        f.signIn(trainer);
        CertificateView issued = certificates.issue(
                new Certificates.IssueForm(f.people.personId(holder), "标准化文件起草培训合格", "Drafting per GB/T 1.1", null));
        TestPeople.signOut();
        var pdf = mvc.get().uri("/certificates/" + issued.number() + "/pdf").exchange();
        assertThat(pdf).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_PDF);
        try (PDDocument doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            PDResources resources = doc.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            // the CJK font (wqy-microhei unless stdhub.pdf.cjk-font says otherwise), embedded as a CID font subset
            assertThat(fonts).as("fonts of the certificate").anySatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).containsIgnoringCase("WenQuanYi");
            });
            // the Chinese text is there as text (extractable, so searchable and readable aloud), not as shapes
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("培训合格证书", "标准化文件起草培训合格", issued.holderName(), "证书编号", issued.number());
        }
    }

    @Test
    void unknownNumbersBadFormsAndOtherPeopleAreRefused() {
        assertThatThrownBy(() -> certificates.verify("STH-2026-0000-0000")).isInstanceOf(NotFoundException.class);
        assertThat(mvc.get().uri("/api/v1/certificates/STH-2026-ZZZZ-ZZZZ")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/certificates/STH-2026-ZZZZ-ZZZZ")).hasStatus(HttpStatus.NOT_FOUND);
        f.signIn(holder);
        assertThatThrownBy(() ->
                        certificates.issue(new Certificates.IssueForm(f.people.personId(holder), "自己发的", null, null)))
                .isInstanceOf(AccessDeniedException.class);
        f.signIn(trainer);
        assertThatThrownBy(() -> certificates.issue(
                        new Certificates.IssueForm(f.people.personId(holder), " ", null, LocalDate.of(2000, 1, 1))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("titleZh", "validUntil"));
        assertThatThrownBy(() -> certificates.issue(new Certificates.IssueForm(987_654_321L, "无此人", null, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(CertificateNumbers.normalize(" sth-2026-oil0-abcd ")).isEqualTo("STH-2026-0110-ABCD");
    }
}
