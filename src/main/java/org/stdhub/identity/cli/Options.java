package org.stdhub.identity.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs of a command line. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    values.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    values.put(name, args.get(++i));
                } else {
                    values.put(name, "");
                }
            }
        }
    }

    String get(String name) {
        return values.get(name);
    }

    String require(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
