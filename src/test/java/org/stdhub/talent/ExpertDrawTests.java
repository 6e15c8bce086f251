package org.stdhub.talent;

import org.stdhub.identity.IdentityTest;

/** The expert draw contract on the embedded H2 database. */
@IdentityTest
class ExpertDrawTests extends ExpertDrawContract {}
