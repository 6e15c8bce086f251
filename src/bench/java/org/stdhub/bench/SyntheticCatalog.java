package org.stdhub.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.stdhub.catalog.Designation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipped records, and a synthetic catalog of any size made from them.
 *
 * <p>Round {@code k} (1, 2, …) clones every shipped record whose designation can be cloned, in file order,
 * until the catalog has the requested size:
 *
 * <ul>
 *   <li>designation: {@code 99} and the two-digit round are put before the document number ("ISO 9001:2015"
 *       → "ISO 99039001:2015" in round 3, "GB/T 19001-2016" → "GB/T 990319001-2016"): same prefix, kind,
 *       year and amendments, a number no real standard has; a clone whose key is not unique is skipped;
 *   <li>relations and adoptions point to the clones of the same round (so linking and the adopted Chinese
 *       titles of ISO/IEC clones work as for real data); targets that cannot be cloned are dropped;
 *   <li>titles: the words of the English title (Chinese: chunks of 2 characters) are shuffled and each is
 *       replaced, with probability 1/2, by a word (chunk) of the same-language title of a random other
 *       record: the vocabulary and its frequencies stay those of the real catalog, about 12 times over at 1M,
 *       while no clone repeats its original;
 *   <li>everything else (status, dates, ICS/CCS, committee) is copied; {@code source} says
 *       {@code bench-synthetic:…}.
 * </ul>
 *
 * All randomness comes from one seed, so the same arguments give the same catalog.
 */
final class SyntheticCatalog {

    static final String SYNTHETIC_SOURCE = "bench-synthetic:";
    private static final String SEED_LOCATION = "classpath:seed/standards/";

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** The shipped seed files, sorted by name as the first start loads them. */
    static List<Resource> seedFiles() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        List<Resource> files = new ArrayList<>(Arrays.asList(resolver.getResources(SEED_LOCATION + "*.jsonl.gz")));
        files.sort(Comparator.comparing(Resource::getFilename));
        return files;
    }

    /** Report of a generation. */
    record Generated(Path file, long records, long shipped, long clones, long skipped, int rounds) {}

    /**
     * Writes a JSON Lines file of {@code total} records: every shipped line as it is, then clones.
     */
    Generated write(Path file, long total, long seed) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Resource r : seedFiles()) {
            try (InputStream in = new GZIPInputStream(r.getInputStream(), 1 << 16);
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
            }
        }
        List<ObjectNode> records = new ArrayList<>(lines.size());
        Set<String> keys = new HashSet<>();
        List<String[]> enWords = new ArrayList<>();
        List<String[]> zhChunks = new ArrayList<>();
        for (String line : lines) {
            ObjectNode node = (ObjectNode) mapper.readTree(line);
            records.add(node);
            Designation.tryParse(text(node, "id_raw")).ifPresent(d -> keys.add(d.compactKey()));
            String en = text(node, "title_en");
            if (en != null) {
                enWords.add(en.split("\\s+"));
            }
            String zh = text(node, "title_zh");
            if (zh != null) {
                zhChunks.add(chunks(zh));
            }
        }
        long written = 0;
        long clones = 0;
        long skipped = 0;
        int round = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                if (written == total) {
                    break;
                }
                out.write(line);
                out.write('\n');
                written++;
            }
            while (written < total) {
                round++;
                if (round > 99) {
                    throw new IllegalStateException("cannot make " + total + " records in 99 rounds");
                }
                long before = written;
                for (int i = 0; i < records.size() && written < total; i++) {
                    Random random = new Random(seed * 1_000_003L + round * 7_919L * records.size() + i);
                    ObjectNode clone = cloneRecord(records.get(i), round, random, enWords, zhChunks, keys);
                    if (clone == null) {
                        skipped++;
                        continue;
                    }
                    out.write(mapper.writeValueAsString(clone));
                    out.write('\n');
                    written++;
                    clones++;
                }
                if (written == before) {
                    throw new IllegalStateException("no record could be cloned in round " + round);
                }
            }
        }
        return new Generated(file, written, written - clones, clones, skipped, round);
    }

    private ObjectNode cloneRecord(
            ObjectNode original,
            int round,
            Random random,
            List<String[]> enWords,
            List<String[]> zhChunks,
            Set<String> keys) {
        String id = cloneDesignation(text(original, "id_raw"), round);
        if (id == null) {
            return null;
        }
        var parsed = Designation.tryParse(id);
        if (parsed.isEmpty() || !keys.add(parsed.get().compactKey())) {
            return null;
        }
        ObjectNode clone = original.deepCopy();
        clone.put("id_raw", id);
        String en = text(original, "title_en");
        if (en != null) {
            clone.put("title_en", String.join(" ", mix(en.split("\\s+"), enWords, random)));
        }
        String zh = text(original, "title_zh");
        if (zh != null) {
            clone.put("title_zh", String.join("", mix(chunks(zh), zhChunks, random)));
        }
        for (String field : List.of("replaces", "replaced_by", "amended_by")) {
            JsonNode list = original.get(field);
            ArrayNode cloned = clone.putArray(field);
            if (list != null && list.isArray()) {
                for (JsonNode target : list) {
                    String t = cloneDesignation(target.asString(), round);
                    if (t != null && Designation.tryParse(t).isPresent()) {
                        cloned.add(t);
                    }
                }
            }
        }
        JsonNode adoptions = original.get("adoption");
        ArrayNode clonedAdoptions = clone.putArray("adoption");
        if (adoptions != null && adoptions.isArray()) {
            for (JsonNode a : adoptions) {
                String t = cloneDesignation(text(a, "designation"), round);
                if (t != null && Designation.tryParse(t).isPresent()) {
                    ObjectNode c = ((ObjectNode) a).deepCopy();
                    c.put("designation", t);
                    clonedAdoptions.add(c);
                }
            }
        }
        clone.put("source", SYNTHETIC_SOURCE + "round " + round + " of " + text(original, "id_raw"));
        return clone;
    }

    /** "99" and the two-digit round before the first number that follows a space; null when there is none. */
    static String cloneDesignation(String designation, int round) {
        if (designation == null) {
            return null;
        }
        for (int i = 1; i < designation.length(); i++) {
            if (designation.charAt(i - 1) == ' ' && Character.isDigit(designation.charAt(i))) {
                return designation.substring(0, i) + "99" + String.format("%02d", round) + designation.substring(i);
            }
        }
        return null;
    }

    /** Shuffled tokens, each replaced with probability 1/2 by a token of another random title. */
    private static List<String> mix(String[] tokens, List<String[]> donors, Random random) {
        List<String> out = new ArrayList<>(tokens.length);
        for (String token : tokens) {
            if (random.nextBoolean() && !donors.isEmpty()) {
                String[] donor = donors.get(random.nextInt(donors.size()));
                out.add(donor[random.nextInt(donor.length)]);
            } else {
                out.add(token);
            }
        }
        java.util.Collections.shuffle(out, random);
        return out;
    }

    /** A Chinese title as chunks of two characters (spaces dropped). */
    private static String[] chunks(String title) {
        String compact = title.replaceAll("\\s+", "");
        int n = compact.codePointCount(0, compact.length());
        List<String> out = new ArrayList<>((n + 1) / 2);
        int[] cps = compact.codePoints().toArray();
        for (int i = 0; i < cps.length; i += 2) {
            out.add(new String(cps, i, Math.min(2, cps.length - i)));
        }
        return out.isEmpty() ? new String[] {title} : out.toArray(String[]::new);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
