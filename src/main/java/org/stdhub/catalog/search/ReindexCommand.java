package org.stdhub.catalog.search;

import java.util.List;
import org.springframework.stereotype.Component;
import org.stdhub.platform.StdHubCommand;

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
        indexer.rebuild();
        System.out.println("indexed " + indexer.indexedCount() + " standards");
        return 0;
    }
}
