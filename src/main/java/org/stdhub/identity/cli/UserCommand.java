package org.stdhub.identity.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Role;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.StdHubCommand;

/**
 * {@code user create --login L --email E --name 张三 [--password-stdin] [--org ID --role ROLE]}: creates an active
 * account (with a one-time password printed once unless one is read from standard input) and optionally a role.
 */
@Component
class UserCommand implements StdHubCommand {

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
    public int run(List<String> args) throws Exception {
        if (args.isEmpty() || !args.getFirst().equals("create")) {
            System.err.println("usage: " + usage());
            return 2;
        }
        Options o = new Options(args.subList(1, args.size()));
        SystemActor.signIn();
        try {
            String password = null;
            if (o.has("password-stdin")) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            Role role =
                    o.get("role") == null ? null : Role.valueOf(o.get("role").toUpperCase(java.util.Locale.ROOT));
            var created = accounts.createPerson(new NewPerson(
                    o.require("login"),
                    o.require("email"),
                    o.get("mobile"),
                    o.require("name"),
                    o.get("name-en"),
                    password));
            if (role != null) {
                organizations.grant(created.personId(), Long.parseLong(o.require("org")), role, null, null);
            }
            System.out.println("created user " + created.login() + " (id " + created.personId() + ")"
                    + (role == null ? "" : " with role " + role + " in organization " + o.get("org")));
            if (created.oneTimePassword() != null) {
                System.out.println(
                        "one-time password (shown once, must be changed at first login): " + created.oneTimePassword());
            }
            return 0;
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, key) -> System.err.println("refused: " + field + ": " + key));
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("refused: " + e.getMessage());
            return 2;
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
