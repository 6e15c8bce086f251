package org.stdhub.identity.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Role;
import org.stdhub.platform.OperatorCommandLine;
import org.stdhub.platform.StdHubCommand;
import org.stdhub.platform.SystemActor;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code user create --login L --email E --name 张三 [--password-stdin] [--org ID --role ROLE]}: creates an active
 * account (with a one-time password printed once unless one is read from standard input) and optionally a role.
 * The command acts as the system named {@value #ACTOR}, an administrator.
 */
@Component
class UserCommand implements StdHubCommand {

    /** The actor the audit trail records for what the command does. */
    static final String ACTOR = "cli";

    private final Accounts accounts;
    private final Organizations organizations;

    UserCommand(Accounts accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @Override
    public String name() {
        return "user";
    }

    @Override
    public String usage() {
        return "user create --login L --email E --name NAME [--password-stdin] [--org ORG_ID --role ROLE]";
    }

    @Override
    public int run(List<String> args) {
        return OperatorCommandLine.execute(new CommandLine(new User()).addSubcommand(new Create()), args);
    }

    @Command(name = "user", description = "Administers accounts.")
    static final class User {}

    /** A role to grant with the new account: both options or neither. */
    static final class Grant {

        @Option(names = "--org", required = true, paramLabel = "ORG_ID", description = "Organization of the role.")
        long organizationId;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "One of ${COMPLETION-CANDIDATES}.")
        Role role;
    }

    @Command(
            name = "create",
            description = {
                "Creates an active account.",
                "Without --password-stdin a one-time password is printed once; it must be changed at first login."
            })
    final class Create implements Callable<Integer> {

        @Option(names = "--login", required = true, paramLabel = "LOGIN", description = "Login name.")
        String login;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "E-mail address.")
        String email;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Display name (Chinese).")
        String displayName;

        @Option(names = "--name-en", paramLabel = "NAME", description = "Display name in English.")
        String displayNameEn;

        @Option(names = "--mobile", paramLabel = "MOBILE", description = "Mobile number.")
        String mobile;

        @Option(names = "--password-stdin", description = "Reads the password from the first line of standard input.")
        boolean passwordFromStdin;

        @ArgGroup(exclusive = false)
        Grant grant;

        @Override
        public Integer call() throws IOException {
            String password = passwordFromStdin
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                    : null;
            var created = SystemActor.run(ACTOR, () -> {
                var person = accounts.createPerson(
                        new NewPerson(login, email, mobile, displayName, displayNameEn, password));
                if (grant != null) {
                    organizations.grant(person.personId(), grant.organizationId, grant.role, null, null);
                }
                return person;
            });
            System.out.println("created user " + created.login() + " (id " + created.personId() + ")"
                    + (grant == null ? "" : " with role " + grant.role + " in organization " + grant.organizationId));
            if (created.oneTimePassword() != null) {
                System.out.println(
                        "one-time password (shown once, must be changed at first login): " + created.oneTimePassword());
            }
            return 0;
        }
    }
}
