package org.stdhub.catalog;

import org.stdhub.CatalogTest;

/** The import job contract ({@link ImportJobContract}) on embedded H2, with the whole shipped catalog. */
@CatalogTest
class ImportJobTests extends ImportJobContract {

    @Override
    int series() {
        return 1;
    }
}
