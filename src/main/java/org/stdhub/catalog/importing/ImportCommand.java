package org.stdhub.catalog.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.stdhub.platform.StdHubCommand;

/** {@code import FILE…}: imports JSON Lines files (plain or .gz) into the catalog. */
@Component
class ImportCommand implements StdHubCommand {

    private final StandardImporter importer;

    ImportCommand(StandardImporter importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "import FILE…      import standards from JSON Lines files (.jsonl or .jsonl.gz)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (args.isEmpty()) {
            System.err.println("usage: " + usage());
            return 2;
        }
        List<StandardImporter.Source> sources = new ArrayList<>();
        for (String arg : args) {
            Path file = Path.of(arg);
            if (!Files.isReadable(file)) {
                System.err.println("cannot read " + file.toAbsolutePath());
                return 2;
            }
            sources.add(new StandardImporter.Source(
                    Files.newInputStream(file), file.getFileName().toString(), Files.size(file)));
        }
        try {
            ImportReport report = importer.importStreams(sources);
            report.problems().forEach(p -> System.out.println("rejected " + p));
            System.out.printf(
                    "%d read, %d inserted, %d updated, %d unchanged, %d rejected in %.1f s (%d records/s)%n",
                    report.read(),
                    report.inserted(),
                    report.updated(),
                    report.unchanged(),
                    report.rejected(),
                    report.duration().toMillis() / 1000.0,
                    Math.round(report.recordsPerSecond()));
            return report.rejected() > 0 ? 1 : 0;
        } finally {
            for (StandardImporter.Source s : sources) {
                s.in().close();
            }
        }
    }
}
