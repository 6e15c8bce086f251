package org.stdhub.catalog.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import org.stdhub.platform.OperatorCommandLine;
import org.stdhub.platform.StdHubCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import FILE…}: imports JSON Lines files (plain or .gz) into the catalog. */
@Component
class ImportCommand implements StdHubCommand {

    private final StandardImporter importer;
    private final OverlapMerge overlapMerge;

    ImportCommand(StandardImporter importer, OverlapMerge overlapMerge) {
        this.importer = importer;
        this.overlapMerge = overlapMerge;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "import FILE… [--overlay]  import standards from JSON Lines files (.jsonl, .jsonl.gz), or merge overlays";
    }

    @Override
    public int run(List<String> args) {
        return OperatorCommandLine.execute(new Import(), args);
    }

    @Command(
            name = "import",
            description = {
                "Imports standards from JSON Lines files (.jsonl or .jsonl.gz).",
                "Refused lines are listed with file, line number and reason; the exit code is then 1.",
                "With --overlay, merges the fields other sources add to standards already in the catalog, only where"
                        + " they lack them (lines with 'adds', as seed/overlaps)."
            })
    final class Import implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "A .jsonl or .jsonl.gz file.")
        List<Path> files;

        @Option(
                names = "--overlay",
                description = "The FILEs are overlays: each line names the fields it adds ('adds') to a standard"
                        + " already in the catalog; only fields the standard lacks are filled.")
        boolean overlay;

        @Override
        public Integer call() throws IOException {
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    System.err.println("cannot read " + file.toAbsolutePath());
                    return OperatorCommandLine.USAGE;
                }
            }
            int refused = overlay ? mergeOverlays() : importFiles();
            return refused > 0 ? 1 : 0;
        }

        private int importFiles() throws IOException {
            List<StandardImporter.Source> sources = new ArrayList<>();
            try {
                for (Path file : files) {
                    sources.add(new StandardImporter.Source(
                            Files.newInputStream(file), file.getFileName().toString(), Files.size(file)));
                }
                ImportReport report = importer.importStreams(sources);
                report.problems().forEach(p -> System.out.println("rejected " + p));
                printRefusalsByReason(report.problems());
                System.out.printf(
                        "%d read, %d inserted, %d updated, %d unchanged, %d rejected in %.1f s (%d records/s)%n",
                        report.read(),
                        report.inserted(),
                        report.updated(),
                        report.unchanged(),
                        report.rejected(),
                        report.duration().toMillis() / 1000.0,
                        Math.round(report.recordsPerSecond()));
                return report.rejected();
            } finally {
                for (StandardImporter.Source s : sources) {
                    s.in().close();
                }
            }
        }

        private int mergeOverlays() throws IOException {
            List<OverlapMerge.Overlay> inputs = new ArrayList<>();
            try {
                for (Path file : files) {
                    inputs.add(new OverlapMerge.Overlay(
                            Files.newInputStream(file), file.getFileName().toString()));
                }
                OverlapMerge.OverlayReport report = overlapMerge.merge(inputs, true);
                report.problems().forEach(p -> System.out.println("rejected " + p));
                System.out.printf(
                        "overlay: %d read, %d standards gained fields %s, %d unchanged, %d rejected%n",
                        report.read(), report.merged(), report.fieldsAdded(), report.unchanged(), report.rejected());
                return report.rejected();
            } finally {
                for (OverlapMerge.Overlay o : inputs) {
                    o.in().close();
                }
            }
        }

        /** "refused by rule: JOINT 27, RANGE 27 …": the designations refused for a named reason, counted. */
        private static void printRefusalsByReason(List<ImportReport.Problem> problems) {
            Map<String, Integer> byRule = new TreeMap<>();
            for (ImportReport.Problem p : problems) {
                String rule = refusalRule(p.reason());
                if (rule != null) {
                    byRule.merge(rule, 1, Integer::sum);
                }
            }
            if (!byRule.isEmpty()) {
                System.out.println("refused by rule: " + byRule);
            }
        }
    }

    /** The rule name of a reason written by {@link StandardRecordReader} ("… refused (RANGE): …"), or null. */
    static String refusalRule(String reason) {
        int at = reason.indexOf(" refused (");
        int end = at < 0 ? -1 : reason.indexOf("):", at);
        return end < 0 ? null : reason.substring(at + " refused (".length(), end);
    }
}
