package org.stdhub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
import org.stdhub.consulting.EnquiryTransition;
import org.stdhub.platform.StateChanged;
import org.stdhub.programme.BulletinView;
import org.stdhub.programme.ContractTransition;
import org.stdhub.talent.ExpertTransition;
import org.stdhub.verification.ConformityTransition;

/**
 * Every event the code publishes reads in people's words in both languages. The events are found in the sources
 * ({@code StateChanged.of(type, id, "action")} with its {@code withChange("field", …)}): a new event without its
 * messages fails here, naming it. Then one of each is recorded and its history page rendered in Chinese and English:
 * every action and field shows as words, never as its key.
 */
@AuditH2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryWordsTests {

    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

    private static final Pattern OF = Pattern.compile("StateChanged\\.of\\(");
    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern FIELD = Pattern.compile("(?:withChange|diff)\\(\\s*(?:\\w+,\\s*)?\"([^\"]+)\"");

    /**
     * Actions the code computes rather than writes out, by the expression that computes them ({@code Class:expression}
     * where two classes compute them with the same expression).
     */
    private static final Map<String, List<String>> COMPUTED = Map.ofEntries(
            Map.entry(
                    "Experts:t.action()",
                    Stream.of(ExpertTransition.values())
                            .map(ExpertTransition::action)
                            .toList()),
            Map.entry(
                    "Enquiries:t.action()",
                    Stream.of(EnquiryTransition.values())
                            .map(EnquiryTransition::action)
                            .toList()),
            // catalog import jobs (ImportJobTransition's actions)
            Map.entry("ImportJobTransition.UPLOAD.action", List.of("uploaded")),
            Map.entry("ImportJobTransition.PREVIEW_DONE.action", List.of("previewed")),
            Map.entry("ImportJobTransition.CONFIRM.action", List.of("confirmed")),
            Map.entry("ImportJobTransition.DISCARD.action", List.of("discarded")),
            Map.entry("ImportJobTransition.APPLY_DONE.action", List.of("applied")),
            Map.entry("ImportJobTransition.FAIL.action", List.of("failed")),
            // programme: bulletins by their state, contracts by their transition
            Map.entry(
                    "to.name().toLowerCase()",
                    Stream.of(BulletinView.State.values())
                            .map(v -> v.name().toLowerCase(Locale.ROOT))
                            .toList()),
            Map.entry(
                    "t.name().toLowerCase()",
                    Stream.of(ContractTransition.values())
                            .map(v -> v.name().toLowerCase(Locale.ROOT))
                            .toList()),
            // talent: enrolments
            Map.entry("action", List.of("cancelled", "attended", "no-show", "promoted")),
            // verification: conformity tests by their transition
            Map.entry(
                    "transition.name().toLowerCase(Locale.ROOT)",
                    Stream.of(ConformityTransition.values())
                            .map(v -> v.name().toLowerCase(Locale.ROOT))
                            .toList()));

    @Autowired
    HistoryWords words;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    /** Object type → its actions; and every field name. */
    final Map<String, Set<String>> published = new TreeMap<>();

    final Set<String> fields = new TreeSet<>();

    @BeforeAll
    void scanSources() throws IOException {
        Map<String, Map<String, String>> constants = new HashMap<>();
        Map<Path, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/stdhub"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                sources.put(file, text);
                Matcher c = CONSTANT.matcher(text);
                while (c.find()) {
                    constants
                            .computeIfAbsent(className(file), k -> new HashMap<>())
                            .put(c.group(1), c.group(2));
                }
            }
        }
        List<String> unknown = new ArrayList<>();
        sources.forEach((file, text) -> {
            if (file.toString().contains("/audit/") || file.endsWith("StateChanged.java")) {
                return;
            }
            Matcher of = OF.matcher(text);
            while (of.find()) {
                List<String> args = arguments(text, of.end());
                String type = args.get(0).strip();
                if (type.startsWith("\"")) {
                    type = type.substring(1, type.length() - 1);
                } else {
                    String[] parts = type.split("\\.");
                    String owner = parts.length == 2 ? parts[0] : className(file);
                    type = constants.getOrDefault(owner, Map.of()).get(parts[parts.length - 1]);
                }
                String action = args.get(2).strip();
                List<String> actions = new ArrayList<>();
                Matcher literal = LITERAL.matcher(action);
                while (literal.find()) {
                    actions.add(literal.group(1));
                }
                if (actions.isEmpty()) {
                    actions.addAll(COMPUTED.getOrDefault(
                            className(file) + ":" + action, COMPUTED.getOrDefault(action, List.of())));
                }
                if (type == null || actions.isEmpty()) {
                    unknown.add(file.getFileName() + ": " + String.join(", ", args));
                    continue;
                }
                published.computeIfAbsent(type, k -> new TreeSet<>()).addAll(actions);
            }
            Matcher field = FIELD.matcher(text);
            while (field.find()) {
                fields.add(field.group(1).strip());
            }
        });
        assertThat(unknown)
                .as("events whose type or action this test cannot read: teach it (COMPUTED)")
                .isEmpty();
    }

    @Test
    void everyPublishedEventTypeActionAndFieldHasWordsInBothLanguages() {
        assertThat(published).containsKeys("standard", "watchlist", "person", "project", "expert", "import");
        assertThat(published.values().stream().mapToInt(Set::size).sum()).isGreaterThan(60);
        List<String> missing = new ArrayList<>();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            published.forEach((type, actions) -> {
                if (!has("audit.object." + type, locale)) {
                    missing.add(locale + " audit.object." + type);
                }
                for (String action : actions) {
                    if (!has("audit.action." + type + "." + action, locale) && !has("audit.action." + action, locale)) {
                        missing.add(locale + " audit.action." + type + "." + action);
                    }
                }
            });
            for (String field : fields) {
                Matcher numbered = HistoryWords.NUMBERED.matcher(field.replaceAll("[ #]$", "#1"));
                String key = numbered.matches() && !has("audit.field." + field, locale)
                        ? "audit.field.numbered." + numbered.group(1)
                        : "audit.field." + field;
                if (!has(key, locale)) {
                    missing.add(locale + " " + key);
                }
            }
        }
        assertThat(missing).as("message keys missing").isEmpty();
    }

    @Test
    void theHistoryOfEveryEventTypeRendersInWordsInChineseAndEnglish() {
        String id = "words-" + System.nanoTime();
        var admin = SecurityContextHolder.createEmptyContext();
        admin.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(admin);
        try {
            tx.executeWithoutResult(s -> published.forEach((type, actions) -> {
                for (String action : actions) {
                    StateChanged event = StateChanged.of(type, id, action);
                    for (String field : fields) {
                        event = event.withChange(field.replaceAll("[ #]$", "#1"), null, "x");
                    }
                    events.publishEvent(
                            event.withChange("digest", "DAILY", "NONE").withComment("理由 " + "很长的说明".repeat(60)));
                }
            }));
        } finally {
            SecurityContextHolder.clearContext();
        }
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            HistoryWords.Reader reader = words.forReader(locale);
            published.forEach((type, actions) -> {
                String page = HtmlUtils.htmlUnescape(page(type, id, locale));
                for (String action : actions) {
                    assertThat(page).as(type + " " + action + " " + locale).contains(reader.action(type, action));
                    if (!locale.getLanguage().equals("en")) {
                        assertThat(page).doesNotContain(">" + action + "<");
                    }
                }
                assertThat(page).contains(reader.field("digest"), reader.field("comment#1"));
                assertThat(page).contains(locale.getLanguage().equals("en") ? "No e-mail" : "不发邮件");
                assertThat(page).doesNotContain(">digest<", ">NONE<", ">comment#1<");
            });
        }
    }

    /** Is {@code key} in the messages of {@code locale} itself (not only in another language)? */
    private static boolean has(String key, Locale locale) {
        String file = locale.getLanguage().equals("en") ? "messages_en.properties" : "messages_zh_CN.properties";
        java.util.Properties messages = MESSAGES.computeIfAbsent(file, f -> {
            java.util.Properties p = new java.util.Properties();
            try (var in = HistoryWordsTests.class.getResourceAsStream("/i18n/" + f)) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        });
        return messages.containsKey(key);
    }

    private static final Map<String, java.util.Properties> MESSAGES = new java.util.concurrent.ConcurrentHashMap<>();

    private String page(String type, String id, Locale locale) {
        try {
            return mvc.get()
                    .uri(URI.create("/history/" + type + "/" + id + "?lang=" + locale.getLanguage()))
                    .with(ADMIN)
                    .exchange()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String className(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    /** The arguments of the call whose parenthesis opened just before {@code from}, as source text. */
    private static List<String> arguments(String text, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                inString = !inString;
            }
            if (!inString) {
                if (c == '(' || c == '[') {
                    depth++;
                } else if (c == ')' || c == ']') {
                    if (depth == 0) {
                        args.add(current.toString());
                        return args;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    args.add(current.toString());
                    current.setLength(0);
                    continue;
                }
            }
            current.append(c);
        }
        throw new UncheckedIOException(new IOException("unbalanced call at " + from));
    }
}
