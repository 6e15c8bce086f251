package org.stdhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stdhub.identity.LoginThrottle;
import org.stdhub.identity.Principals;

/**
 * What modules hand each other: records and views, never their JPA entities (an entity outside its module could be
 * changed, lazily loaded or navigated past the module's API), and identity's security-layer services stay identity's.
 * Reads the production classes only (tests may use anything).
 */
class ModuleApiTests {

    private static final String ROOT = "org.stdhub.";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stdhub");

    /** The module of a class: the package right below {@code org.stdhub} ("" for the application class). */
    private static String module(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith(ROOT)) {
            return "";
        }
        int dot = name.indexOf('.', ROOT.length());
        return dot < 0 ? name.substring(ROOT.length()) : name.substring(ROOT.length(), dot);
    }

    private static boolean isEntity(JavaClass c) {
        return c.isAnnotatedWith(Entity.class);
    }

    private static boolean foreign(JavaClass from, JavaClass to) {
        return to.getPackageName().startsWith(ROOT) && !module(to).equals(module(from));
    }

    @Test
    void theEntitiesAreFound() {
        // the rule below is only as good as this list: the modules' entities are all seen as entities
        Set<String> entities = CLASSES.stream()
                .filter(ModuleApiTests::isEntity)
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(entities)
                .contains(
                        "Person",
                        "Membership",
                        "Organization",
                        "ApiToken",
                        "EmailToken",
                        "Standard",
                        "Adoption",
                        "StandardRelation");
    }

    @Test
    void noModuleUsesAnotherModulesEntities() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            // any reference: fields, signatures, calls, casts, type parameters …
            c.getDirectDependenciesFromSelf().stream()
                    .filter(d -> isEntity(d.getTargetClass()) && foreign(c, d.getTargetClass()))
                    .forEach(d -> violations.add(d.getDescription()));
            // … and what the methods of other modules it calls take and return, even when only passed along
            c.getCodeUnitAccessesFromSelf().stream()
                    .filter(call -> foreign(c, call.getTargetOwner()))
                    .forEach(call -> call.getTarget().resolveMember().ifPresent(member -> {
                        Stream<JavaClass> involved = member instanceof JavaCodeUnit unit
                                ? Stream.concat(
                                        unit.getReturnType().getAllInvolvedRawTypes().stream(),
                                        unit.getParameterTypes().stream()
                                                .flatMap(p -> p.getAllInvolvedRawTypes().stream()))
                                : Stream.empty();
                        involved.filter(ModuleApiTests::isEntity)
                                .forEach(e -> violations.add(
                                        call.getDescription() + " hands over entity " + e.getSimpleName()));
                    }));
        }
        assertThat(violations).as("entities handed across module boundaries").isEmpty();
    }

    @Test
    void onlyIdentityUsesItsSecurityLayerServices() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            if (module(c).equals("identity")) {
                continue;
            }
            c.getDirectDependenciesFromSelf().stream()
                    .filter(d -> d.getTargetClass().isEquivalentTo(Principals.class)
                            || d.getTargetClass().isEquivalentTo(LoginThrottle.class))
                    .forEach(d -> violations.add(d.getDescription()));
        }
        assertThat(violations)
                .as("uses of Principals and LoginThrottle outside identity")
                .isEmpty();
    }
}
