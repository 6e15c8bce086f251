package org.stdhub.compliance.check.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stdhub.platform.UnreadableUpload;

/**
 * Lets an oversized upload on the check page reach {@link CheckUploadAdvice} instead of ending as a bare 413.
 * Tomcat parses a multipart body on the first {@code getParameter} call, and once a part is over
 * {@code spring.servlet.multipart.max-file-size} every later parameter call fails too, starting with Spring
 * Security's CSRF check. This filter (before security) parses first; when that fails, the request is marked
 * {@link UnreadableUpload} (security then skips the CSRF check: the token is in the unread body, and no controller
 * will act on the request), the rest of the chain sees only the query string's parameters, and {@code getParts()}
 * reports the size problem, which Spring turns into a {@code MaxUploadSizeExceededException}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class OversizedUploadFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod())
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || !path.startsWith("/compliance/check");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException failed) {
            UnreadableUpload.mark(request);
            chain.doFilter(new QueryOnly(request, failed), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A request whose body could not be read: parameters from the query string, parts refused. */
    static final class QueryOnly extends HttpServletRequestWrapper {
        private final IllegalStateException failure;
        private final Map<String, String[]> parameters;

        QueryOnly(HttpServletRequest request, IllegalStateException failure) {
            super(request);
            this.failure = failure;
            this.parameters = parse(request.getQueryString());
        }

        private static Map<String, String[]> parse(String query) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
                }
            }
            Map<String, String[]> result = new LinkedHashMap<>();
            values.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
            return Collections.unmodifiableMap(result);
        }

        @Override
        public String getParameter(String name) {
            String[] v = parameters.get(name);
            return v == null ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public Collection<Part> getParts() {
            throw failure;
        }

        @Override
        public Part getPart(String name) {
            throw failure;
        }
    }
}
