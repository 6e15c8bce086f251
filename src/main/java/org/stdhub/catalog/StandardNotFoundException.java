package org.stdhub.catalog;

import org.stdhub.platform.NotFoundException;

/** No standard in the catalog has this designation. */
public class StandardNotFoundException extends NotFoundException {

    public StandardNotFoundException(String designation) {
        super("standard.error.not-found", designation);
    }
}
