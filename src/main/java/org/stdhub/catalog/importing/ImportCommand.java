package org.stdhub.catalog.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import org.stdhub.platform.OperatorCommandLine;
import org.stdhub.platform.StdHubCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

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
    public int run(List<String> args) {
        return OperatorCommandLine.execute(new Import(), args);
    }

    @Command(
            name = "import",
            description = {
                "Imports standards from JSON Lines files (.jsonl or .jsonl.gz).",
                "Refused lines are listed with file, line number and reason; the exit code is then 1."
            })
    final class Import implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "A .jsonl or .jsonl.gz file.")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    System.err.println("cannot read " + file.toAbsolutePath());
                    return OperatorCommandLine.USAGE;
                }
            }
            List<StandardImporter.Source> sources = new ArrayList<>();
            try {
                for (Path file : files) {
                    sources.add(new StandardImporter.Source(
                            Files.newInputStream(file), file.getFileName().toString(), Files.size(file)));
                }
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
}
