package org.stdhub.consulting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.stdhub.CatalogTest;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/**
 * Consulting over HTTP: the public listing, comparison and FAQ without login; declaring and asking as problem details
 * (400 with the reason, 401, 403, 404) and as page forms with their messages; enquiries closed to strangers.
 */
@CatalogTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultingHttpTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    ConsultingFixtures fx;
    long enterprise;
    String user;
    String stranger;

    @BeforeAll
    void setUp() {
        fx = new ConsultingFixtures(accounts, organizations, principals);
        enterprise = fx.enterprise("接口企业");
        user = fx.people.person("hu", enterprise, Role.ENTERPRISE_USER);
        stranger = fx.people.person("hs");
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    private RequestPostProcessor as(String login) {
        return fx.people.as(login);
    }

    private String declaration(String product, String standard) {
        return "{\"organizationId\":" + enterprise + ",\"product\":\"" + product + "\",\"catalogStandards\":[\""
                + standard + "\"]}";
    }

    @Test
    void anyoneReadsTheListingTheComparisonAndTheFaq() {
        assertThat(mvc.get().uri("/declarations")).hasStatusOk().bodyText().contains("企业标准自我声明公开");
        assertThat(mvc.get().uri("/declarations/front-runners"))
                .hasStatusOk()
                .bodyText()
                .contains("排名方法");
        assertThat(mvc.get().uri("/faq")).hasStatusOk().bodyText().contains("常见问题", "/enquiries");
        assertThat(mvc.get().uri("/api/v1/declarations")).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/faq")).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/declarations/front-runners?productClass=无"))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/declarations/987654321")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/declarations/new"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .contains("/login");
        assertThat(mvc.get().uri("/enquiries"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .contains("/login");
        assertThat(mvc.get().uri("/api/v1/enquiries")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void declaringOverTheApiRefusesWithAReasonAndOnlyForTheEnterprise() {
        assertThat(mvc.post()
                        .uri("/api/v1/declarations")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(declaration("匿名产品", "GB/T 19001-2016")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri("/api/v1/declarations")
                        .with(as(stranger))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(declaration("外人产品", "GB/T 19001-2016")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/declarations")
                        .with(as(user))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(declaration("旧版产品", "GB/T 19001-2008")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("GB/T 19001-2008", "已废止");
        assertThat(mvc.post()
                        .uri("/api/v1/declarations")
                        .with(as(user))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(declaration("接口产品" + ConsultingFixtures.RUN, "GB/T 19001-2016")))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.version")
                .isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/declarations?product=接口产品" + ConsultingFixtures.RUN))
                .hasStatusOk()
                .bodyText()
                .contains("GB/T 19001-2016");
    }

    @Test
    void thePageFormDeclaresAndShowsARefusalOnTheNextPage() {
        var refused = mvc.post()
                .uri("/declarations")
                .with(as(user))
                .with(csrf())
                .param("organizationId", String.valueOf(enterprise))
                .param("product", "表单旧版产品")
                .param("catalogStandards", "GB/T 19001-2008")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/declarations/new");
        assertThat(refused.getMvcResult().getFlashMap().get("problem"))
                .asString()
                .contains("GB/T 19001-2008");

        var declared = mvc.post()
                .uri("/declarations")
                .with(as(user))
                .with(csrf())
                .param("organizationId", String.valueOf(enterprise))
                .param("product", "表单产品" + ConsultingFixtures.RUN)
                .param("productClass", "表单类别" + ConsultingFixtures.RUN)
                .param("catalogStandards", "GB/T 19001-2016\n")
                .param("enterpriseStandard", "Q/FORM 001-2026")
                .param("indicatorName", "热效率", "")
                .param("indicatorValue", "91.5", "")
                .param("indicatorUnit", "%", "")
                .param("indicatorDirection", "HIGHER", "")
                .param("mandatoryName", "")
                .param("mandatoryRequirement", "")
                .param("mandatoryStandard", "")
                .param("mandatoryTestMethod", "")
                .exchange();
        assertThat(declared).hasStatus(HttpStatus.FOUND).redirectedUrl().matches("/declarations/\\d+");
        String page = declared.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(page))
                .hasStatusOk()
                .bodyText()
                .contains("表单产品" + ConsultingFixtures.RUN, "Q/FORM 001-2026", "91.5", "GB/T 19001-2016");
        assertThat(mvc.get().uri(page).with(as(user))).hasStatusOk().bodyText().contains("id=\"edit\"");
        assertThat(mvc.get().uri(page).with(as(stranger)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("id=\"edit\"");
        assertThat(mvc.get().uri("/declarations/front-runners?productClass=表单类别" + ConsultingFixtures.RUN))
                .hasStatusOk()
                .bodyText()
                .contains("领跑者", "91.5");
    }

    @Test
    void enquiriesOverHttpAreTheirEnterprisesOnly() throws Exception {
        var asked = mvc.post()
                .uri("/api/v1/enquiries")
                .with(as(user))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"organizationId\":" + enterprise
                        + ",\"subject\":\"接口咨询\",\"question\":\"问题\",\"fieldScheme\":\"CCS\",\"fieldCode\":\"Z98\"}")
                .exchange();
        assertThat(asked).hasStatus(HttpStatus.CREATED);
        long id = ((Number)
                        com.jayway.jsonpath.JsonPath.read(asked.getResponse().getContentAsString(), "$.id"))
                .longValue();
        assertThat(mvc.get().uri("/api/v1/enquiries/{id}", id).with(as(user))).hasStatusOk();
        assertThat(mvc.get().uri("/enquiries/{id}", id).with(as(user)))
                .hasStatusOk()
                .bodyText()
                .contains("接口咨询");
        assertThat(mvc.get().uri("/api/v1/enquiries/{id}", id).with(as(stranger)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/api/v1/enquiries/{id}/rate", id)
                        .with(as(user))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":5}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post()
                        .uri("/api/v1/enquiries/{id}/withdraw", id)
                        .with(as(user))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void theApiTakesAnEnquiryWithAttachmentsCheckedByContentAndServesThemOnlyToItsEnterprise() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        var asked = mvc.post()
                .uri("/api/v1/enquiries")
                .with(as(user))
                .with(csrf())
                .multipart()
                .file(new MockMultipartFile("files", "说明.pdf", "application/pdf", pdf))
                .param("organizationId", String.valueOf(enterprise))
                .param("subject", "带附件的接口咨询")
                .param("question", "请看附件")
                .param("fieldScheme", "CCS")
                .param("fieldCode", "Z98")
                .exchange();
        assertThat(asked).hasStatus(HttpStatus.CREATED);
        String body = asked.getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
        long attachment = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.attachments[0].id")).longValue();
        assertThat((String) com.jayway.jsonpath.JsonPath.read(body, "$.attachments[0].mediaType"))
                .isEqualTo("application/pdf");
        var file = mvc.get()
                .uri("/api/v1/enquiries/{id}/attachments/{a}", id, attachment)
                .with(as(user))
                .exchange();
        assertThat(file).hasStatusOk();
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(pdf);
        assertThat(mvc.get()
                        .uri("/api/v1/enquiries/{id}/attachments/{a}", id, attachment)
                        .with(as(stranger)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/enquiries/{id}/attachments/{a}", id, attachment))
                .hasStatus(HttpStatus.UNAUTHORIZED);

        // a file that only claims to be a PDF is refused by its content, in the caller's language, and nothing is kept
        long before = mvc.get()
                .uri("/api/v1/enquiries")
                .with(as(user))
                .exchange()
                .getResponse()
                .getContentAsString()
                .split("\"id\"")
                .length;
        var refused = mvc.post()
                .uri("/api/v1/enquiries?lang=en")
                .with(as(user))
                .with(csrf())
                .multipart()
                .file(new MockMultipartFile(
                        "files", "fake.pdf", "application/pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)))
                .param("organizationId", String.valueOf(enterprise))
                .param("subject", "伪装的附件")
                .param("question", "问题")
                .param("fieldScheme", "CCS")
                .param("fieldCode", "Z98")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("files");
        long after = mvc.get()
                .uri("/api/v1/enquiries")
                .with(as(user))
                .exchange()
                .getResponse()
                .getContentAsString()
                .split("\"id\"")
                .length;
        assertThat(after).isEqualTo(before);
        // a stranger may not ask for an enterprise not theirs
        assertThat(mvc.post()
                        .uri("/api/v1/enquiries")
                        .with(as(stranger))
                        .with(csrf())
                        .multipart()
                        .file(new MockMultipartFile("files", "说明.pdf", "application/pdf", pdf))
                        .param("organizationId", String.valueOf(enterprise))
                        .param("subject", "冒名咨询")
                        .param("question", "问题")
                        .param("fieldScheme", "CCS")
                        .param("fieldCode", "Z98"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theFormsAndListsRenderForThoseWhoUseThem() throws Exception {
        String officer = fx.officer();
        assertThat(mvc.get().uri("/declarations/new").with(as(user)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"declaration-form\"", "接口企业");
        assertThat(mvc.get().uri("/declarations/new").with(as(stranger)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"no-enterprise\"");
        assertThat(mvc.get().uri("/enquiries").with(as(user)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"ask-form\"");
        assertThat(mvc.get().uri("/enquiries").with(as(stranger)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("id=\"ask-form\"");
        assertThat(mvc.get().uri("/enquiries/routes").with(as(officer)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"route-form\"");
        assertThat(mvc.get().uri("/enquiries/routes").with(as(user))).hasStatus(HttpStatus.FORBIDDEN);

        var asked = mvc.post()
                .uri("/enquiries")
                .with(as(user))
                .with(csrf())
                .param("organizationId", String.valueOf(enterprise))
                .param("subject", "页面咨询")
                .param("question", "页面问题")
                .param("fieldScheme", "CCS")
                .param("fieldCode", "Z97")
                .exchange();
        assertThat(asked).hasStatus(HttpStatus.FOUND).redirectedUrl().matches("/enquiries/\\d+");
        String page = asked.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(page).with(as(officer)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"assign-form\"")
                .doesNotContain("id=\"answer-form\"");
        assertThat(mvc.post()
                        .uri(page + "/assign")
                        .with(as(officer))
                        .with(csrf())
                        .param("personId", String.valueOf(fx.people.personId(officer))))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri(page).with(as(officer)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"answer-form\"");
        var answered = mvc.post()
                .uri(page + "/answer")
                .with(as(officer))
                .with(csrf())
                .param("answer", "页面答复")
                .param("references", "GB/T 19001-2016")
                .exchange();
        assertThat(answered).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri(page).with(as(officer)))
                .hasStatusOk()
                .bodyText()
                .contains("页面答复", "id=\"faq-form\"", "GB/T 19001-2016");
        assertThat(mvc.get().uri(page).with(as(user))).hasStatusOk().bodyText().contains("id=\"rate-form\"");
        assertThat(mvc.get().uri("/enquiries").with(as(user)))
                .hasStatusOk()
                .bodyText()
                .contains("页面咨询");
    }
}
