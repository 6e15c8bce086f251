/**
 * Talent: the standardization expert database (profiles, employment, declared relations, the application → review →
 * approval flow) and provably fair expert draws (随机抽取) under the avoidance rules of {@code
 * domain/05_expert_selection.md} §5.4. The root package is the module's API: {@link org.stdhub.talent.Experts} and
 * {@link org.stdhub.talent.Draws} with their records and events ({@link org.stdhub.talent.ExpertsDrawn}); {@code
 * expert} holds the expert entities and their state machine, {@code draw} the draw, its avoidance rules and the
 * deterministic generator, {@code web} the pages and JSON API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Talent",
        allowedDependencies = {"platform", "identity", "development"})
package org.stdhub.talent;
