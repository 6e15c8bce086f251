/**
 * Verification: the base's industry standard verification centers (labs with accreditation, equipment and
 * engineers), clause-by-clause verification of development drafts, inter-laboratory comparison (ISO 13528),
 * conformity testing of products against catalog standards with publicly verifiable reports, evaluations of
 * published standards (economic benefit, technical level, applicability) and each clause's traceability. The
 * root package is the module's API; sub-packages are its internals, {@code web} its pages and JSON API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Verification",
        allowedDependencies = {"platform", "identity", "catalog", "development", "talent"})
package org.stdhub.verification;
