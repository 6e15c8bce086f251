package org.stdhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.stdhub.identity.IdentityTest;

/**
 * Static files through {@link StaticResources}: StdHub's own folders and the webjars (version-free paths too) are
 * served, pages link the webjars with their versions, and a page's other links are not static resources (no
 * resource resolution for them: the catch-all {@code /**} mapping is gone).
 */
@IdentityTest
class StaticResourcesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ResourceUrlProvider resourceUrls;

    @Test
    void ownFilesAndWebjarsAreServedAndOnlyThey() {
        assertThat(mvc.get().uri("/css/stdhub.css")).hasStatusOk().hasContentTypeCompatibleWith("text/css");
        assertThat(mvc.get().uri("/js/charts.js")).hasStatusOk();
        assertThat(mvc.get().uri("/img/favicon.svg")).hasStatusOk();
        assertThat(mvc.get().uri("/webjars/bootstrap/dist/css/bootstrap.min.css"))
                .hasStatusOk();
        assertThat(mvc.get().uri("/css/no-such-file.css")).hasStatus(HttpStatus.NOT_FOUND);
        // the folders' files only: any other path is the application's (here: sign in first), never a file of the jar
        assertThat(mvc.get().uri("/application.yml")).hasStatus3xxRedirection().hasRedirectedUrl("/login");
    }

    @Test
    void pagesLinkVersionedWebjarsAndOtherLinksAreNotResources() {
        assertThat(mvc.get().uri("/")).hasStatusOk().bodyText().containsPattern("/webjars/bootstrap/[0-9.]+/dist/");
        assertThat(resourceUrls.getForLookupPath("/webjars/bootstrap/dist/css/bootstrap.min.css"))
                .matches("/webjars/bootstrap/[0-9.]+/dist/css/bootstrap.min.css");
        assertThat(resourceUrls.getForLookupPath("/css/stdhub.css")).isEqualTo("/css/stdhub.css");
        assertThat(resourceUrls.getForLookupPath("/standards/GB%2FT%2019001-2016"))
                .isNull();
    }
}
