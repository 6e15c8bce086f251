package org.stdhub.identity.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.stdhub.identity.ApiTokens;
import org.stdhub.identity.Principals;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.StdHubCommand;

/** {@code token create --user U --scope read[,write] [--name N] [--days D]}: prints a new API token once. */
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
        if (args.isEmpty() || !args.getFirst().equals("create")) {
            System.err.println("usage: " + usage());
            return 2;
        }
        Options o = new Options(args.subList(1, args.size()));
        try {
            String login = o.require("user");
            var user = principals
                    .principal(login, Set.of())
                    .orElseThrow(() -> new IllegalArgumentException("no user " + login));
            // the token is created as its owner would create it
            var auth = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                    user, null, user.getAuthorities());
            var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            Set<String> scopes = Arrays.stream(o.require("scope").split(","))
                    .map(String::strip)
                    .collect(Collectors.toSet());
            Integer days = o.get("days") == null ? null : Integer.valueOf(o.get("days"));
            var issued = tokens.create(user.getUsername(), o.get("name") == null ? "cli" : o.get("name"), scopes, days);
            System.out.println(issued.secret());
            System.err.println("token " + issued.name() + " for " + login + " with scopes " + issued.scopes()
                    + (issued.expiresAt() == null ? "" : ", expires " + issued.expiresAt()) + " (shown once)");
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
