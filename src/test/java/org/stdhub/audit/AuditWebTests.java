package org.stdhub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.platform.StateChanged;

/** The audit pages over HTTP: who may see them, CSRF on verification, history in words, CSV export. */
@AuditH2Test
class AuditWebTests {

    static final String DESIGNATION = "GB/T 19001-2016";
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final RequestPostProcessor OFFICER = user("wangwu").roles("BASE_OFFICER");
    static final RequestPostProcessor LISI = user("lisi").roles("ENTERPRISE_USER");

    private static boolean published;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditLinks links;

    @BeforeEach
    void someHistory() {
        if (published) {
            return;
        }
        published = true;
        tx.executeWithoutResult(status -> {
            events.publishEvent(StateChanged.of("web-organization", 9001, "approved")
                    .withChange("status", "pending", "approved")
                    .withComment("材料齐全, \"完整\""));
            events.publishEvent(
                    StateChanged.of("web-organization", 9001, "updated").withChange("name", "甲", "乙"));
            events.publishEvent(StateChanged.of("standard", DESIGNATION, "status-changed")
                    .withChange("status", "current", "withdrawn"));
        });
    }

    @Test
    void administratorsSeeTheLog() {
        assertThat(mvc.get().uri("/admin/audit").with(ADMIN))
                .hasStatusOk()
                .bodyText()
                .contains("审计日志", "web-organization 9001", "verify-chain");
        assertThat(mvc.get().uri("/admin/audit").param("actor", "nobody-at-all").with(ADMIN))
                .hasStatusOk()
                .bodyText()
                .contains("没有符合条件的记录");
    }

    @Test
    void otherSignedInPeopleAreForbiddenTheLog() {
        assertThat(mvc.get().uri("/admin/audit").with(OFFICER)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/audit/verify").with(OFFICER).with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void signedOutVisitorsAreSentToLogin() {
        for (String path :
                new String[] {"/admin/audit", "/history/web-organization/9001", "/history/web-organization/9001.csv"}) {
            MvcTestResult result = mvc.get().uri(path).exchange();
            assertThat(result).as(path).hasStatus(HttpStatus.FOUND);
            assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION))
                    .as(path)
                    .endsWith("/login");
        }
    }

    @Test
    void verifyingNeedsTheCsrfToken() {
        assertThat(mvc.post().uri("/admin/audit/verify").with(ADMIN)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/audit/verify").with(ADMIN).with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("审计链完整");
    }

    @Test
    void historyReadsInPeoplesWords() {
        assertThat(mvc.get().uri("/history/web-organization/9001").with(ADMIN))
                .hasStatusOk()
                .bodyText()
                .contains("pending", "approved", "理由：材料齐全", "甲", "乙", "导出 CSV");
        assertThat(mvc.get()
                        .uri(URI.create(links.history("standard", DESIGNATION)))
                        .with(LISI))
                .hasStatusOk()
                .bodyText()
                .contains("标准 GB/T 19001-2016", "的历史", "变更了标准状态", "废止");
        assertThat(mvc.get()
                        .uri("/history/web-organization/9001")
                        .param("lang", "en")
                        .with(ADMIN))
                .hasStatusOk()
                .bodyText()
                .contains("History of web-organization 9001", "Why: 材料齐全");
    }

    @Test
    void historyOfAKindNoModuleClaimsIsForAdministratorsOnly() {
        for (RequestPostProcessor who : new RequestPostProcessor[] {LISI, OFFICER}) {
            for (String path : new String[] {"/history/web-organization/9001", "/history/web-organization/9001.csv"}) {
                MvcTestResult result = mvc.get().uri(path).with(who).exchange();
                assertThat(result).as(path).hasStatus(HttpStatus.NOT_FOUND);
                assertThat(bodyOf(result)).as(path).doesNotContain("材料齐全", "甲");
            }
        }
        assertThat(mvc.get().uri("/history/web-organization/9001.csv").with(ADMIN))
                .hasStatusOk();
    }

    @Test
    void historyIsFilterableByAction() {
        assertThat(mvc.get()
                        .uri("/history/web-organization/9001")
                        .param("action", "updated")
                        .with(ADMIN))
                .hasStatusOk()
                .bodyText()
                .contains("乙")
                .doesNotContain("理由：");
    }

    @Test
    void historyExportsAsCsvWithAHeaderRow() {
        MvcTestResult result = mvc.get()
                .uri(URI.create(links.csv("web-organization", 9001)))
                .with(ADMIN)
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        String[] lines = bodyOf(result).split("\r\n");
        assertThat(lines[0])
                .isEqualTo(
                        "\uFEFFseq,occurred_at,actor,address,object_type,object_id,action,changes,comment,prev_hash,hash");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",web-organization,9001,approved,", "\"材料齐全, \"\"完整\"\"\"");
        assertThat(lines[2]).contains(",web-organization,9001,updated,");

        MvcTestResult standard = mvc.get()
                .uri(URI.create(links.csv("standard", DESIGNATION)))
                .with(LISI)
                .exchange();
        assertThat(standard).hasStatusOk();
        assertThat(bodyOf(standard)).contains(",standard,GB/T 19001-2016,status-changed,");
    }

    private static String bodyOf(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
