package org.stdhub.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.*;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ICS and CCS classification trees, read once from the shipped reference files. They are static
 * reference data (they change with a new edition of the classification, i.e. with a release).
 */
public final class Classifications {

    /** One class of ICS or CCS. */
    public record ClassificationClass(
            String code, String parent, int level, String titleZh, String titleEn, String note) {

        public String title(Locale locale) {
            boolean zh = "zh".equals(locale.getLanguage());
            if (zh && titleZh != null) {
                return titleZh;
            }
            return titleEn != null ? titleEn : titleZh;
        }
    }

    private static final String ICS_RESOURCE = "/seed/classification/ics.jsonl";
    private static final String CCS_RESOURCE = "/seed/classification/ccs.jsonl";

    private static final Classifications INSTANCE = new Classifications();

    private final Map<String, ClassificationClass> ics;
    private final Map<String, ClassificationClass> ccs;
    private final Map<String, List<ClassificationClass>> icsChildren;
    private final Map<String, List<ClassificationClass>> ccsChildren;

    private Classifications() {
        JsonMapper mapper = JsonMapper.builder().build();
        this.ics = read(mapper, ICS_RESOURCE, false);
        this.ccs = read(mapper, CCS_RESOURCE, true);
        this.icsChildren = children(ics);
        this.ccsChildren = children(ccs);
    }

    public static Classifications get() {
        return INSTANCE;
    }

    private static Map<String, ClassificationClass> read(JsonMapper mapper, String resource, boolean ccs) {
        Map<String, ClassificationClass> map = new LinkedHashMap<>();
        try (InputStream in = Classifications.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classification resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                ClassificationClass c = new ClassificationClass(
                        node.get("code").asString(),
                        text(node, "parent"),
                        node.get("level").asInt(),
                        text(node, "title_zh"),
                        ccs ? null : text(node, "title_en"),
                        ccs ? text(node, "note") : text(node, "title_en_full"));
                map.put(c.code(), c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(map);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Map<String, List<ClassificationClass>> children(Map<String, ClassificationClass> classes) {
        Map<String, List<ClassificationClass>> children = new HashMap<>();
        for (ClassificationClass c : classes.values()) {
            children.computeIfAbsent(c.parent() == null ? "" : c.parent(), k -> new ArrayList<>())
                    .add(c);
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(ClassificationClass::code)));
        return children;
    }

    public Optional<ClassificationClass> ics(String code) {
        return Optional.ofNullable(ics.get(code));
    }

    public Optional<ClassificationClass> ccs(String code) {
        return Optional.ofNullable(ccs.get(code));
    }

    /** Title of an ICS class in the locale's language where the data has it; "" when unknown. */
    public String icsTitle(String code, Locale locale) {
        return ics(code).map(c -> c.title(locale)).orElse("");
    }

    public String ccsTitle(String code, Locale locale) {
        return ccs(code).map(c -> c.title(locale)).orElse("");
    }

    /** Children of an ICS class; the top level for null or "". */
    public List<ClassificationClass> icsChildren(String code) {
        return icsChildren.getOrDefault(code == null ? "" : code, List.of());
    }

    public List<ClassificationClass> ccsChildren(String code) {
        return ccsChildren.getOrDefault(code == null ? "" : code, List.of());
    }

    public Collection<ClassificationClass> allIcs() {
        return ics.values();
    }

    public Collection<ClassificationClass> allCcs() {
        return ccs.values();
    }

    /** "35.240.01" → [35, 35.240, 35.240.01]; follows the code's own structure. */
    public static List<String> icsAncestry(String code) {
        List<String> path = new ArrayList<>(3);
        int dot = code.indexOf('.');
        while (dot > 0) {
            path.add(code.substring(0, dot));
            dot = code.indexOf('.', dot + 1);
        }
        path.add(code);
        return path;
    }

    /** "A01" → [A, A00/09, A01]: the class letter, the second-level range holding it, the code. */
    public static List<String> ccsAncestry(String code) {
        List<String> path = new ArrayList<>(3);
        if (code.isEmpty()) {
            return path;
        }
        String letter = code.substring(0, 1);
        path.add(letter);
        if (code.contains("/")) {
            path.add(code);
            return path;
        }
        if (code.length() >= 3) {
            String range = INSTANCE.ccsRangeOf(code);
            if (range != null) {
                path.add(range);
            }
        }
        if (!code.equals(letter)) {
            path.add(code);
        }
        return path;
    }

    private String ccsRangeOf(String code) {
        ClassificationClass known = ccs.get(code);
        if (known != null && known.level() == 3) {
            return known.parent();
        }
        int number;
        try {
            number = Integer.parseInt(code.substring(1, 3));
        } catch (NumberFormatException e) {
            return null;
        }
        for (ClassificationClass range : ccsChildren(code.substring(0, 1))) {
            String[] bounds = range.code().substring(1).split("/");
            if (bounds.length == 2 && number >= Integer.parseInt(bounds[0]) && number <= Integer.parseInt(bounds[1])) {
                return range.code();
            }
        }
        return null;
    }
}
