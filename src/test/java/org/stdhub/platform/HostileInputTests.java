package org.stdhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/**
 * Crafted input never reaches a server error: every route of the request mappings, as an anonymous caller, an
 * enterprise user and an administrator, with hostile values in each path variable, parameter, form field and body
 * (seeded: a failure is reproducible). No 5xx, no stack trace in the answer. Runs without the catalog (the identity
 * context): the routes are the same, only the results are empty.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

    /** Flows that send mail (registration, password reset) find a server. */
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    static final long SEED = 20261130L;
    static final int ROUNDS = 3;

    static final Charset GBK = Charset.forName("GBK");

    /** Values a person, a script or an attacker may send. */
    static final List<String> HOSTILE = List.of(
            "x".repeat(5000),
            "%",
            "%25",
            "%zz",
            "=",
            "a=b",
            "'",
            "' OR '1'='1",
            "\u0000",
            "\u0001\u0002\u0003\u0007\u0008\u000b\u000c\u000e\u001b\u001f",
            "name\r\nSet-Cookie: x=y",
            "<script>alert(1)</script>",
            "2147483647",
            "2147483648",
            "9223372036854775808",
            "99999999999999999999",
            "-1",
            "-2147483648",
            "0",
            "1e309",
            "../../../etc/passwd",
            "..%2F..%2F",
            "😀🙈\uD83D",
            new String("国家标准化管理委员会".getBytes(GBK), StandardCharsets.UTF_8),
            new String("国家标准".getBytes(StandardCharsets.UTF_8), GBK),
            "",
            " ",
            "null",
            "{}",
            "[]",
            "a+".repeat(200) + "a",
            "a AND a OR ".repeat(100) + "a",
            "标准".repeat(250),
            "GB/T 19001-2016",
            "${7*7}",
            "*{T(java.lang.Runtime)}");

    /** Just over the usual column and field limits (200 characters, bcrypt's 72 bytes), and far over. */
    static final List<String> LONG = List.of(
            "y".repeat(201),
            "z".repeat(301),
            "密".repeat(80),
            "p".repeat(73),
            "Tea-Garden-2026" + "!".repeat(80),
            "x".repeat(5000),
            "long" + "@example.com".repeat(30),
            "GB/T " + "1".repeat(300) + "-2020");

    /** Path variables: hostile, and never the id of anything that exists (the admin must not delete real data). */
    static final List<String> HOSTILE_PATH = List.of(
            "-1",
            "0",
            "9223372036854775807",
            "99999999999999999999",
            "abc",
            "%",
            "=",
            "a=b",
            "'",
            "<script>",
            "😀",
            "..",
            "x".repeat(3000),
            "\u0001",
            "GB/T 19001-2016",
            "11.040");

    static final List<String> HOSTILE_JSON = List.of(
            "",
            "{",
            "null",
            "[]",
            "\"x\"",
            "{\"designations\":null}",
            "{\"designations\":[null,\"\",\"\\u0000\",\"<script>\",\"" + "9".repeat(3000) + "\"]}",
            "{\"designations\":\"not a list\"}",
            "{\"designations\":[" + "[".repeat(2000) + "]".repeat(2000) + "]}",
            "{\"name\":\"\\u0001\\u0002\",\"designations\":[\"GB/T 1-2020\"],\"digest\":\"NEVER\"}",
            "{\"name\":\"" + "n".repeat(5000) + "\",\"organizationId\":99999999999999999999}",
            "{\"name\":\"ok\",\"organizationId\":-1,\"designations\":[\"%\"]}");

    /** Parameter types the framework supplies (not from the request). */
    static final List<Class<?>> SUPPLIED = List.of(
            Model.class,
            Locale.class,
            Principal.class,
            HttpServletRequest.class,
            HttpServletResponse.class,
            RedirectAttributes.class,
            Errors.class);

    /**
     * Routes left out of the fuzzing, each with why. Empty: none is left out; a route excluded here must name the
     * branch that fixes it.
     */
    static final Set<String> EXCLUDED = Set.of();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    Organizations organizations;

    String enterpriseUser;
    String admin;
    int address;

    @BeforeAll
    void people() {
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(ctx);
        String run = Long.toString(System.nanoTime() % 100_000_000L);
        long company = organizations
                .create(OrganizationKind.ENTERPRISE, "模糊测试企业" + run, null, null, null)
                .getId();
        long office = organizations.all().stream()
                .filter(o -> o.getKind() == OrganizationKind.BASE_OFFICE)
                .findFirst()
                .orElseThrow()
                .getId();
        enterpriseUser = person("fuzzent" + run, company, Role.ENTERPRISE_USER);
        admin = person("fuzzadm" + run, office, Role.ADMIN);
        SecurityContextHolder.clearContext();
    }

    private String person(String login, long org, Role role) {
        var created = accounts.createPerson(
                new NewPerson(login, login + "@example.com", null, "模糊" + login, null, "Tea-Garden-2026"));
        organizations.grant(created.personId(), org, role, null, null);
        return login;
    }

    private RequestPostProcessor as(String login) {
        return user(principals.principal(login, Set.of()).orElseThrow());
    }

    /** Each request from its own loopback address, so that rate limits of one do not answer for another. */
    private RequestPostProcessor fromOwnAddress() {
        int n = address++;
        return request -> {
            request.setRemoteAddr("127.0." + (100 + n / 250 % 100) + "." + (1 + n % 250));
            return request;
        };
    }

    /** One route of the request mappings: method, pattern, what body it consumes, its handler. */
    record Route(HttpMethod method, String pattern, MediaType consumes, HandlerMethod handler) {
        String key() {
            return method + " " + pattern + (consumes == null ? "" : " [" + consumes + "]");
        }
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.stdhub")) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<MediaType> consumes =
                    new ArrayList<>(info.getConsumesCondition().getConsumableMediaTypes());
            if (consumes.isEmpty()) {
                consumes.add(null);
            }
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    for (MediaType type : consumes) {
                        routes.add(new Route(HttpMethod.valueOf(m.name()), pattern, type, handler));
                    }
                }
            }
        }
        routes.sort(Comparator.comparing(Route::key));
        return routes;
    }

    @Test
    void theRoutesAreFound() {
        List<String> keys = routes().stream().map(Route::key).toList();
        assertThat(keys)
                .contains(
                        "GET /standards",
                        "GET /api/v1/standards/search",
                        "POST /compliance/check",
                        "POST /api/v1/compliance/check [application/json]",
                        "POST /watchlists/quick",
                        "GET /admin/organizations");
        assertThat(keys.size()).isGreaterThan(50);
    }

    @Test
    void noHostileValueInAnyParameterOfAnyRouteEndsInAServerError() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Route route : routes()) {
            if (EXCLUDED.contains(route.key())) {
                continue;
            }
            for (String who : new String[] {null, enterpriseUser, admin}) {
                for (int round = 0; round < ROUNDS; round++) {
                    String failure = send(route, who, random);
                    requests++;
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
            }
        }
        assertThat(requests).isGreaterThan(450);
        assertThat(failures).as("server errors or stack traces").isEmpty();
        // the fuzzing reached handlers for each caller (not only refusals at the door)
        System.out.println("HostileInputTests: " + requests + " requests, answers by caller and status: " + answers);
        for (String who : List.of("anonymous", "enterprise user", "admin")) {
            assertThat(answers).containsKey(who + " 2xx").containsKey(who + " 4xx");
        }
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?(\\w+)(?::[^}]*)?}");

    /** Sends one request with hostile values; returns what went wrong, or null. */
    private String send(Route route, String who, Random random) {
        Matcher m = VARIABLE.matcher(route.pattern());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    path,
                    Matcher.quoteReplacement(
                            UriUtils.encodePathSegment(pick(HOSTILE_PATH, random), StandardCharsets.UTF_8)));
        }
        m.appendTail(path);
        Map<String, List<String>> params = new LinkedHashMap<>();
        MockMultipartFile file = null;
        String body = null;
        for (MethodParameter p : route.handler().getMethodParameters()) {
            Class<?> type = p.getParameterType();
            if (p.hasParameterAnnotation(PathVariable.class)
                    || p.hasParameterAnnotation(AuthenticationPrincipal.class)
                    || SUPPLIED.stream().anyMatch(s -> s.isAssignableFrom(type))) {
                continue;
            }
            if (p.hasParameterAnnotation(RequestBody.class)) {
                body = MediaType.APPLICATION_JSON.equals(route.consumes()) || route.consumes() == null
                        ? pick(HOSTILE_JSON, random)
                        : pick(HOSTILE, random);
                continue;
            }
            if (MultipartFile.class.isAssignableFrom(type)) {
                String name = pick(
                        List.of("list.xlsx", "list.csv", "list.txt", "list.exe", "", pick(HOSTILE, random) + ".csv"),
                        random);
                file = new MockMultipartFile(
                        "file", name, null, pick(HOSTILE, random).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null || simple(type)) {
                String name = param != null && !param.name().isEmpty() ? param.name() : p.getParameterName();
                params.put(name, values(name, type, random));
                continue;
            }
            for (Map.Entry<String, Class<?>> field : fields(type).entrySet()) {
                params.put(field.getKey(), values(field.getKey(), field.getValue(), random));
            }
        }
        if (!params.isEmpty()) {
            // one parameter surely hostile (long values often: they pass most syntax rules), the others mostly valid
            List<String> names = new ArrayList<>(params.keySet());
            String target = names.get(random.nextInt(names.size()));
            params.put(target, List.of(random.nextBoolean() ? pick(LONG, random) : pick(HOSTILE, random)));
        }
        String query = route.method() == HttpMethod.GET ? query(params) : "";
        URI uri = URI.create(path + (query.isEmpty() ? "" : "?" + query));
        var request = mvc.method(route.method()).uri(uri).with(fromOwnAddress());
        if (who != null) {
            request = request.with(as(who));
        }
        if (route.method() != HttpMethod.GET) {
            request = request.with(csrf());
        }
        if (file != null) {
            var multipart = request.multipart().file(file);
            if (route.method() != HttpMethod.GET) {
                params.forEach((k, v) -> multipart.param(k, v.toArray(String[]::new)));
            }
            return check(route, who, uri, multipart.exchange());
        }
        if (route.method() != HttpMethod.GET) {
            for (Map.Entry<String, List<String>> e : params.entrySet()) {
                request = request.param(e.getKey(), e.getValue().toArray(String[]::new));
            }
        }
        if (body != null) {
            request = request.contentType(route.consumes() == null ? MediaType.APPLICATION_JSON : route.consumes())
                    .content(body);
        } else if (route.consumes() != null) {
            request = request.contentType(route.consumes());
        }
        return check(route, who, uri, request.exchange());
    }

    /** Answers counted by caller and status class ("admin 4xx" → n). */
    private final Map<String, Integer> answers = new java.util.TreeMap<>();

    private String check(Route route, String who, URI uri, MvcTestResult result) {
        String as = who == null ? "anonymous" : who.startsWith("fuzzadm") ? "admin" : "enterprise user";
        answers.merge(as + " " + result.getResponse().getStatus() / 100 + "xx", 1, Integer::sum);
        String where = route.key() + " " + abbreviate(uri.toString()) + " as " + as;
        if (result.getUnresolvedException() != null) {
            return where + " → unresolved " + result.getUnresolvedException();
        }
        int status = result.getResponse().getStatus();
        if (status >= 500) {
            Throwable resolved = result.getMvcResult().getResolvedException();
            return where + " → " + status + (resolved == null ? "" : " " + resolved);
        }
        String type = result.getResponse().getContentType();
        if (type != null && (type.contains("json") || type.contains("text") || type.contains("xml"))) {
            String text = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            if (text.contains("at org.") || text.contains("Exception")) {
                return where + " → " + status + " with a stack trace or exception in the body";
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    /**
     * Values of one parameter: each hostile, or (more often) plausible, so that one hostile field among valid ones
     * gets past validation of the others and reaches the code behind it.
     */
    private List<String> values(String name, Class<?> type, Random random) {
        int n = Collection.class.isAssignableFrom(type) ? 1 + random.nextInt(3) : 1;
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(random.nextInt(10) < 4 ? pick(HOSTILE, random) : plausible(name, type, random));
        }
        return values;
    }

    private int serial;

    /** A value that passes the parameter's own rules, by its name or type. */
    private String plausible(String name, Class<?> type, Random random) {
        String n = name.toLowerCase(Locale.ROOT);
        int s = serial++;
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return String.valueOf(constants[random.nextInt(constants.length)]);
        }
        if (n.contains("email")) {
            return "fuzz" + SEED + "x" + s + "@example.com";
        }
        if (n.contains("password")) {
            return "Tea-Garden-2026";
        }
        if (n.equals("login") || n.equals("actor")) {
            return "fuzz" + s;
        }
        if (n.contains("name") || n.equals("comment")) {
            return "模糊测试 " + s;
        }
        if (n.equals("format")) {
            return pick(List.of("csv", "xlsx", "pdf"), random);
        }
        if (n.equals("kind")) {
            return pick(List.of("STANDARD", "ICS", "ENTERPRISE", "national", "gb"), random);
        }
        if (n.equals("scopes")) {
            return pick(List.of("read", "write"), random);
        }
        if (n.equals("status")) {
            return "current";
        }
        if (n.equals("sort")) {
            return "date";
        }
        if (n.equals("ics")) {
            return "11.040";
        }
        if (n.equals("ccs")) {
            return "C30";
        }
        if (n.equals("from") || n.equals("to")) {
            return "2010";
        }
        if (n.equals("degree")) {
            return "IDT";
        }
        if (n.equals("objecttype")) {
            return "person";
        }
        if (n.equals("column") || n.equals("creditcode")) {
            return "";
        }
        if (n.equals("size")) {
            return "10";
        }
        if (n.equals("validto") || type.getPackageName().startsWith("java.time")) {
            return "2030-01-01";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return String.valueOf(random.nextInt(3));
        }
        return pick(List.of("GB/T 19001-2016", "ISO 9001:2015", "gbt19001—2016", "11.040", "TC 1"), random);
    }

    private static boolean simple(Class<?> type) {
        return type.isPrimitive()
                || type.isEnum()
                || Number.class.isAssignableFrom(type)
                || CharSequence.class.isAssignableFrom(type)
                || type == Boolean.class
                || Collection.class.isAssignableFrom(type)
                || type.getPackageName().startsWith("java.time");
    }

    /** The request parameters a form or parameter object is bound from, with their types. */
    private static Map<String, Class<?>> fields(Class<?> type) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                fields.put(c.getName(), c.getType());
            }
            return fields;
        }
        for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
            for (Field f : t.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    fields.put(f.getName(), f.getType());
                }
            }
        }
        return fields;
    }

    private static String query(Map<String, List<String>> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, values) -> {
            for (String v : values) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }
}
