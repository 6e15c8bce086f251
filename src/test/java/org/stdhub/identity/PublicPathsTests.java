package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.stdhub.platform.PublicPaths;

/**
 * Each module declares public only the addresses its own controllers serve ({@link PublicPaths} beans), and every
 * address it declares is served: a module can neither open another module's pages nor leave a stale opening behind.
 * The security configuration permits their union and nothing else.
 */
@IdentityTest
class PublicPathsTests {

    private static final AntPathMatcher ANT = new AntPathMatcher();

    @Autowired
    Map<String, PublicPaths> declarations;

    @Autowired
    ConfigurableListableBeanFactory beans;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MockMvc mvc;

    /** One address of each mapping of StdHub's own controllers, with the module that serves it. */
    private record Served(String module, String path) {}

    @Test
    void eachModuleDeclaresOnlyAddressesItServesAndServesWhatItDeclares() {
        List<Served> served = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            String module = module(e.getValue().getBeanType().getName());
            if (module == null) {
                continue;
            }
            for (String pattern : e.getKey().getPatternValues()) {
                served.add(new Served(module, pattern.replaceAll("\\{[^}]*}", "x")));
            }
        }
        assertThat(declarations).hasSizeGreaterThanOrEqualTo(10);
        Map<String, List<String>> byModule = new java.util.HashMap<>();
        for (Map.Entry<String, PublicPaths> d : declarations.entrySet()) {
            String configuration = beans.getBeanDefinition(d.getKey()).getFactoryBeanName();
            List<String> patterns =
                    byModule.computeIfAbsent(module(beans.getType(configuration).getName()), m -> new ArrayList<>());
            patterns.addAll(d.getValue().pages());
            patterns.addAll(d.getValue().api());
        }
        for (Map.Entry<String, List<String>> d : byModule.entrySet()) {
            String declaring = d.getKey();
            for (String pattern : d.getValue()) {
                List<Served> matched = served.stream()
                        .filter(s -> ANT.match(pattern, s.path()))
                        .toList();
                if (!declaring.equals("platform")) {
                    // the error page and the API document are served by Spring Boot and springdoc
                    assertThat(matched)
                            .as("%s (declared by %s) is served", pattern, declaring)
                            .isNotEmpty();
                }
                // an address of another module under this one's pattern is public only if its own module says so
                // (verification's traceability under the catalog's /standards/**)
                assertThat(matched)
                        .as("%s (declared by %s) opens no address its module keeps closed", pattern, declaring)
                        .allMatch(s -> s.module().equals(declaring)
                                || byModule.getOrDefault(s.module(), List.of()).stream()
                                        .anyMatch(own -> ANT.match(own, s.path())));
            }
        }
    }

    @Test
    void aPageNoModuleDeclaresNeedsASignIn() throws Exception {
        mvc.perform(get("/my-work"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", endsWith("/login")));
        mvc.perform(get("/courses")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/experts")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/courses")).andExpect(status().isOk());
    }

    @Test
    void aDeclarationKeepsPagesApiAndReadingPostsApart() {
        assertThatThrownBy(() -> PublicPaths.of(List.of("/api/v1/things"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicPaths.of(List.of(), List.of("/things")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicPaths(List.of(), List.of("/api/v1/a"), List.of("/api/v1/b")))
                .isInstanceOf(IllegalArgumentException.class);
        PublicPaths union = PublicPaths.union(List.of(
                PublicPaths.of(List.of("/a"), List.of("/api/v1/a")),
                new PublicPaths(List.of("/a", "/b"), List.of("/api/v1/b"), List.of("/api/v1/b"))));
        assertThat(union.pages()).containsExactly("/a", "/b");
        assertThat(union.api()).containsExactly("/api/v1/a", "/api/v1/b");
        assertThat(union.readingPosts()).containsExactly("/api/v1/b");
    }

    private static String module(String className) {
        if (!className.startsWith("org.stdhub.")) {
            return null;
        }
        String rest = className.substring("org.stdhub.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? null : rest.substring(0, dot);
    }
}
