package org.stdhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.stdhub.identity.IdentityTest;

/**
 * Every operation of the JSON API ({@code /api/**}) that changes state is in the OpenAPI document, so clients and
 * reviewers see the whole surface: the request mappings are the truth, the document must list each of them.
 */
@IdentityTest
class ApiDocumentTests {

    private static final Set<RequestMethod> CHANGING =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyStateChangingApiOperationIsDocumented() throws Exception {
        var result = mvc.get().uri("/api/v1/openapi.json").exchange();
        assertThat(result).hasStatusOk();
        String document = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");

        List<String> operations = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.stdhub")) {
                return;
            }
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (!CHANGING.contains(method)) {
                        continue;
                    }
                    String operation = method + " " + path;
                    operations.add(operation);
                    var documented = paths.get(path);
                    if (documented == null
                            || !documented.containsKey(method.name().toLowerCase())) {
                        missing.add(operation);
                    }
                }
            }
        });
        assertThat(operations).as("state-changing API operations found").hasSizeGreaterThan(10);
        assertThat(missing).as("operations missing from /api/v1/openapi.json").isEmpty();
    }

    /**
     * The public verifications (of a draw, of a certificate) are read by people outside StdHub, with no account: the
     * document lists both GETs with their path parameter, and both answer without signing in (an unknown one is 404,
     * never 401).
     */
    @Test
    void thePublicVerificationsOfDrawsAndCertificatesAreDocumented() throws Exception {
        var result = mvc.get().uri("/api/v1/openapi.json").exchange();
        assertThat(result).hasStatusOk();
        String document = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");
        Map<String, String> verifications = Map.of(
                "/api/v1/draws/{id}/verification", "id",
                "/api/v1/certificates/{number}", "number");
        verifications.forEach((path, parameter) -> {
            assertThat(paths).as("documented paths").containsKey(path);
            assertThat(paths.get(path)).as(path).containsKey("get");
            List<String> inPath =
                    JsonPath.read(document, "$.paths['" + path + "'].get.parameters[?(@.in == 'path')].name");
            assertThat(inPath).as(path + " path parameters").containsExactly(parameter);
        });
        assertThat(mvc.get().uri("/api/v1/draws/999999999/verification")).hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/certificates/STH-2026-ZZZZ-ZZZZ")).hasStatus(404);
    }
}
