package org.stdhub.consulting;

import org.stdhub.platform.UserFacingException;

/** A declared catalog standard the rules refuse (withdrawn, not in the catalog, unreadable): 400, with why. */
public class DeclarationRefused extends UserFacingException {

    public DeclarationRefused(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
