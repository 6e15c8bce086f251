package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.stdhub.CatalogTest;
import org.stdhub.identity.StdHubUser;

/**
 * The import job contract ({@link ImportJobContract}) on embedded H2, with the whole shipped catalog; and the
 * page's own parts: the template downloads and a refused upload told on the page.
 */
@CatalogTest
class ImportJobTests extends ImportJobContract {

    @Override
    int series() {
        return 1;
    }

    private Authentication session(String login) {
        StdHubUser user = principals.principal(login, Set.of()).orElseThrow();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Test
    void theTemplateIsOfferedAsXlsxWithTheColumnNamesInThePagesLanguage() throws Exception {
        var result = mvc.get()
                .uri("/admin/catalog/import-template.xlsx")
                .with(authentication(session(officer)))
                .exchange();
        assertThat(result).hasStatusOk();
        try (var workbook =
                new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            var header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("标准号");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("状态");
        }
        var english = mvc.get()
                .uri("/admin/catalog/import-template.csv?lang=en")
                .header("Accept-Language", "en")
                .with(authentication(session(officer)))
                .exchange();
        assertThat(english).hasStatusOk();
        assertThat(english.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("designation,title_zh,title_en,status");

        var page = mvc.get()
                .uri("/admin/catalog")
                .with(authentication(session(officer)))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("id=\"section-imports\"", "import-template.xlsx");
        assertThat(mvc.get()
                        .uri("/admin/catalog/import-template.xlsx")
                        .with(authentication(session(people.enterpriseUser())))
                        .exchange())
                .hasStatus(403);
    }

    @Test
    void aRefusedUploadIsToldOnThePage() {
        var result = mvc.post()
                .uri("/admin/catalog/imports")
                .with(authentication(session(officer)))
                .with(csrf())
                .multipart()
                .file(new MockMultipartFile("file", "notes.docx", "application/octet-stream", new byte[] {1, 2}))
                .exchange();
        assertThat(result).hasStatus3xxRedirection();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/catalog");
        assertThat(result.getMvcResult().getFlashMap().get("problem"))
                .asString()
                .contains("请上传 JSON Lines");
    }
}
