package org.stdhub.identity.cli;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.stdhub.identity.ApiTokens;
import org.stdhub.identity.Principals;
import org.stdhub.platform.OperatorCommandLine;
import org.stdhub.platform.StdHubCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code token create --user U --scope read[,write] [--name N] [--days D]}: prints a new API token once. A token is
 * only ever created by its owner, so the command signs in as the owner (not as the system) while it creates it.
 */
@Component
class TokenCommand implements StdHubCommand {

    private final ApiTokens tokens;
    private final Principals principals;

    TokenCommand(ApiTokens tokens, Principals principals) {
        this.tokens = tokens;
        this.principals = principals;
    }

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String usage() {
        return "token create --user LOGIN --scope read[,write] [--name NAME] [--days DAYS]";
    }

    @Override
    public int run(List<String> args) {
        return OperatorCommandLine.execute(new CommandLine(new Token()).addSubcommand(new Create()), args);
    }

    @Command(name = "token", description = "Administers API tokens.")
    static final class Token {}

    @Command(
            name = "create",
            description = {
                "Creates an API token for a person and prints it once on standard output.",
                "What it is (name, scopes, expiry) is written to standard error."
            })
    final class Create implements Callable<Integer> {

        @Option(names = "--user", required = true, paramLabel = "LOGIN", description = "The token's owner.")
        String login;

        @Option(
                names = "--scope",
                required = true,
                split = ",",
                paramLabel = "SCOPE",
                description = "What the token may be used for: read, write or read,write.")
        List<String> scopes;

        @Option(names = "--name", defaultValue = "cli", paramLabel = "NAME", description = "Default: ${DEFAULT-VALUE}.")
        String tokenName;

        @Option(names = "--days", paramLabel = "DAYS", description = "Valid for so many days (default: no expiry).")
        Integer days;

        @Override
        public Integer call() {
            var owner = principals
                    .principal(login, Set.of())
                    .orElseThrow(() -> new IllegalArgumentException("no user " + login));
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContext asOwner = SecurityContextHolder.createEmptyContext();
            asOwner.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities()));
            SecurityContextHolder.setContext(asOwner);
            ApiTokens.IssuedToken issued;
            try {
                issued = tokens.create(
                        owner.getUsername(),
                        tokenName,
                        new TreeSet<>(scopes.stream().map(String::strip).toList()),
                        days);
            } finally {
                SecurityContextHolder.setContext(previous);
            }
            System.out.println(issued.secret());
            System.err.println("token " + issued.name() + " for " + login + " with scopes " + issued.scopes()
                    + (issued.expiresAt() == null ? "" : ", expires " + issued.expiresAt()) + " (shown once)");
            return 0;
        }
    }
}
