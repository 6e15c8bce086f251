/**
 * Development: the collaborative innovation center's work on group standards. Alliances (organizations of kind
 * alliance with a group code {@code T/XXX}), their standard projects, the stages of a project as an explicit state
 * machine with the harmonized stage codes ({@link org.stdhub.development.StageTransitions}), and ballots with exact
 * integer rules ({@link org.stdhub.development.BallotRule}). The root package is the module's API: the services
 * {@link org.stdhub.development.Alliances}, {@link org.stdhub.development.Projects} and {@link
 * org.stdhub.development.Ballots} and the views they return; entities stay package-private. {@code web} holds the
 * pages and the JSON API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Development",
        allowedDependencies = {"platform", "catalog", "identity", "compliance"})
package org.stdhub.development;
