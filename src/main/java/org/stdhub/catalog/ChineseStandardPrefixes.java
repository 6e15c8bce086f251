package org.stdhub.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prefixes of Chinese national, industry (sector) and local standards as shipped in {@code
 * seed/classification/cn_standard_prefixes.jsonl}: what a group code ({@code T/XXX}) or any other new code must not
 * be mistaken for. Local standards are {@code DB} followed by a region code ({@code DB41}), so every {@code DB} with
 * digits counts as taken too.
 */
@Component
public class ChineseStandardPrefixes {

    static final String RESOURCE = "/seed/classification/cn_standard_prefixes.jsonl";

    private static final Pattern LOCAL = Pattern.compile("DB\\d{0,6}");

    private final Set<String> prefixes;

    public ChineseStandardPrefixes() {
        this.prefixes = load();
    }

    /** The shipped prefixes in upper case ("GB", "GBN", "NY", "DB" …). */
    public Set<String> all() {
        return prefixes;
    }

    /** Is {@code code} (any case, without "/T" or "/Z") a national, industry or local prefix? */
    public boolean isTaken(String code) {
        if (code == null) {
            return false;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        return prefixes.contains(c) || LOCAL.matcher(c).matches();
    }

    private static Set<String> load() {
        JsonMapper mapper = JsonMapper.builder().build();
        Set<String> found = new TreeSet<>();
        try (InputStream in = ChineseStandardPrefixes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode prefix = mapper.readTree(line).get("prefix");
                if (prefix != null && prefix.isString()) {
                    found.add(prefix.asString().strip().toUpperCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(found);
    }
}
