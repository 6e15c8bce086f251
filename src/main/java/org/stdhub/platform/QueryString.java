package org.stdhub.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.util.UriUtils;

/**
 * The current request's query string as name/value pairs, to build links that change one parameter and keep the
 * others. Reads whatever arrives (a {@code =} inside a value, a stray {@code %}, raw {@code <>} …) without failing,
 * and writes every name and value fully encoded.
 */
public final class QueryString {

    private final List<Map.Entry<String, String>> pairs;

    private QueryString(List<Map.Entry<String, String>> pairs) {
        this.pairs = pairs;
    }

    /** The pairs of a raw (still encoded) query string; null or blank gives none. */
    public static QueryString parse(String raw) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!name.isEmpty()) {
                    pairs.add(Map.entry(name, value));
                }
            }
        }
        return new QueryString(List.copyOf(pairs));
    }

    /** Without the named parameters. */
    public QueryString without(String... names) {
        Set<String> drop = Set.copyOf(Arrays.asList(names));
        return new QueryString(
                pairs.stream().filter(p -> !drop.contains(p.getKey())).toList());
    }

    /** With {@code name} set to {@code value} (replacing its values; removed when value is null). */
    public QueryString with(String name, Object value) {
        List<Map.Entry<String, String>> next = new ArrayList<>(without(name).pairs);
        if (value != null) {
            next.add(Map.entry(name, String.valueOf(value)));
        }
        return new QueryString(List.copyOf(next));
    }

    /** {@code path} followed by this query string ({@code ?} only when there are parameters). */
    public String on(String path) {
        String query = toString();
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The encoded query string, without {@code ?}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> p : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(encode(p.getKey())).append('=').append(encode(p.getValue()));
        }
        return out.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Form decoding ({@code +} is a space); a malformed escape is kept as it was written. */
    private static String decode(String s) {
        String spaced = s.replace('+', ' ');
        try {
            return UriUtils.decode(spaced, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return spaced;
        }
    }
}
