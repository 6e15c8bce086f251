package org.stdhub.catalog.search;

import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import org.stdhub.platform.OperatorCommandLine;
import org.stdhub.platform.StdHubCommand;
import picocli.CommandLine.Command;

/** {@code reindex}: rebuilds the search index from the database. */
@Component
class ReindexCommand implements StdHubCommand {

    private final CatalogIndexer indexer;

    ReindexCommand(CatalogIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public String name() {
        return "reindex";
    }

    @Override
    public String usage() {
        return "reindex           rebuild the search index from the database";
    }

    @Override
    public int run(List<String> args) {
        return OperatorCommandLine.execute(new Reindex(), args);
    }

    @Command(name = "reindex", description = "Rebuilds the search index from the database.")
    final class Reindex implements Callable<Integer> {

        @Override
        public Integer call() {
            indexer.rebuild();
            System.out.println("indexed " + indexer.indexedCount() + " standards");
            return 0;
        }
    }
}
