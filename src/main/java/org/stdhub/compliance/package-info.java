/**
 * Compliance: validity checks (查新) of a person's list of standards — which are in force, which were
 * withdrawn and what replaces them today — and, later, watchlists and alerts. The root package is the
 * module's API ({@link org.stdhub.compliance.ValidityCheck} and its result records); {@code check} holds
 * the check itself, its file reading and exports, {@code check.web} its page and JSON API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Compliance",
        allowedDependencies = {"platform", "catalog", "identity"})
package org.stdhub.compliance;
