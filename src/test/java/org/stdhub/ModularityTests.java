package org.stdhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map of DESIGN.md holds: each module declares the modules it may use ({@code allowedDependencies} in its
 * {@code package-info.java}), and no module uses another outside that list or reaches into another's internals.
 */
class ModularityTests {

    /** DESIGN.md's map: module → the modules it may depend on. */
    static final Map<String, Set<String>> MAP = Map.ofEntries(
            Map.entry("platform", Set.of()),
            Map.entry("identity", Set.of("platform")),
            Map.entry("audit", Set.of("platform")),
            Map.entry("catalog", Set.of("platform")),
            Map.entry("compliance", Set.of("platform", "catalog", "identity")),
            Map.entry("talent", Set.of("platform", "identity", "development")),
            Map.entry("development", Set.of("platform", "catalog", "identity", "compliance")),
            Map.entry("verification", Set.of("platform", "identity", "catalog", "development", "talent")),
            Map.entry(
                    "programme",
                    Set.of(
                            "platform",
                            "identity",
                            "audit",
                            "catalog",
                            "development",
                            "verification",
                            "talent",
                            "consulting")),
            Map.entry("consulting", Set.of("platform", "identity", "catalog", "compliance")),
            Map.entry(
                    "research",
                    Set.of(
                            "platform",
                            "identity",
                            "catalog",
                            "development",
                            "verification",
                            "talent",
                            "consulting",
                            "programme")));

    private final ApplicationModules modules = ApplicationModules.of(StdHubApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresTheDependenciesOfTheMap() {
        for (ApplicationModule module : modules) {
            String name = module.getIdentifier().toString();
            assertThat(MAP).as("module %s is on DESIGN.md's map", name).containsKey(name);
            var declaration = declarationOf(module);
            assertThat(declaration)
                    .as("package-info of %s declares @ApplicationModule", name)
                    .isNotNull();
            Set<String> declared = new TreeSet<>(List.of(declaration.allowedDependencies()));
            assertThat(declared).as("allowed dependencies of %s", name).isEqualTo(new TreeSet<>(MAP.get(name)));
        }
    }

    private static org.springframework.modulith.ApplicationModule declarationOf(ApplicationModule module) {
        try {
            return Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Test
    void writesModuleDocumentationUnderTarget() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
