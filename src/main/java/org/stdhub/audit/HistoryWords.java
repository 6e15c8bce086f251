package org.stdhub.audit;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Recorded events in people's words, for one reader: the action and field names from the messages ({@code
 * audit.action.<type>.<action>} or {@code audit.action.<action>}, {@code audit.field.<field>}), values that name
 * something in words ({@code audit.value.<field>.<value>}), people by display name and objects by title (asked of
 * the module that owns them, {@link org.stdhub.platform.HistoryAccess#title}), each linked to its history where the
 * reader may open it. An object the reader may not see keeps its identifier: a title never tells more than the
 * history itself would.
 */
@Component
public class HistoryWords {

    /** Fields whose value is the number (or login) of an object of this type. */
    static final Map<String, String> REFERENCES = Map.of(
            "watchlist", "watchlist",
            "organization", "organization",
            "parent", "organization",
            "project", "project",
            "holder", "person",
            "person", "person",
            "relatedPerson", "person",
            "ballot", "ballot");

    /** A value that names its object's type: {@code person:1}, {@code organization:7}. */
    private static final Pattern TYPED = Pattern.compile("^([a-z][a-z-]{1,30}):([A-Za-z0-9_.@-]{1,100})$");

    /** A numbered field, e.g. {@code comment#3}, {@code position 2}. */
    static final Pattern NUMBERED = Pattern.compile("^([A-Za-z]+)[ #](\\d+)$");

    /** Something shown in words, with the address of its history when the reader may open it (else null). */
    public record Named(String text, String link) {}

    private final HistoryPolicy policy;
    private final MessageSource messages;
    private final AuditLinks links;

    HistoryWords(HistoryPolicy policy, MessageSource messages, AuditLinks links) {
        this.policy = policy;
        this.messages = messages;
        this.links = links;
    }

    /** The words for the signed-in reader, in {@code locale}; answers are kept for the one page. */
    public Reader forReader(Locale locale) {
        return new Reader(SecurityContextHolder.getContext().getAuthentication(), locale);
    }

    /** One reader's words. */
    public final class Reader {

        private final Authentication viewer;
        private final Locale locale;
        private final Map<String, Named> named = new HashMap<>();

        Reader(Authentication viewer, Locale locale) {
            this.viewer = viewer;
            this.locale = locale;
        }

        /** The kind of object: 标准, 关注清单 … */
        public String objectWord(String objectType) {
            return message("audit.object." + objectType).orElse(objectType);
        }

        /** What happened: 加入了关注项 … */
        public String action(String objectType, String action) {
            return message("audit.action." + objectType + "." + action)
                    .or(() -> message("audit.action." + action, objectWord(objectType)))
                    .orElse(action);
        }

        /** A changed field's name: 名称, 意见 3 … */
        public String field(String field) {
            Optional<String> word = message("audit.field." + field);
            if (word.isPresent()) {
                return word.get();
            }
            Matcher numbered = NUMBERED.matcher(field);
            if (numbered.matches()) {
                return message("audit.field.numbered." + numbered.group(1), numbered.group(2))
                        .orElse(field);
            }
            return field;
        }

        /** Who: a person by display name, linked to their history when the reader may open it; the system by name. */
        public Named actor(String actor) {
            if (actor == null) {
                return new Named(message("audit.value.none").orElse("—"), null);
            }
            Named person = object("person", actor);
            if (!person.text().equals(actor)) {
                return person;
            }
            // the system, or work that ran as a named system actor (the command line, demo data …)
            return message("audit.actor." + actor)
                    .map(word -> new Named(word, null))
                    .orElse(person);
        }

        /** The object by its title (or its identifier), linked to its history when the reader may open it. */
        public Named object(String objectType, String objectId) {
            return named.computeIfAbsent(objectType + "\u0000" + objectId, k -> {
                String title =
                        policy.title(objectType, objectId, viewer, locale).orElse(objectId);
                boolean mayOpen = policy.maySee(objectType, objectId, viewer)
                        && !("person".equals(objectType) && objectId.chars().allMatch(Character::isDigit));
                return new Named(title, mayOpen ? links.history(objectType, objectId) : null);
            });
        }

        /** A changed value in words: an object it names by title, a code by its word, else as recorded. */
        public Named value(String field, String value) {
            if (value == null) {
                return new Named(message("audit.value.none").orElse("—"), null);
            }
            String type = REFERENCES.get(field);
            if (type != null) {
                return object(type, value);
            }
            Matcher typed = TYPED.matcher(value);
            if (typed.matches() && message("audit.object." + typed.group(1)).isPresent()) {
                Named o = object(typed.group(1), typed.group(2));
                return new Named(objectWord(typed.group(1)) + " " + o.text(), o.link());
            }
            return new Named(message("audit.value." + field + "." + value).orElse(value), null);
        }

        private Optional<String> message(String key, Object... args) {
            return Optional.ofNullable(messages.getMessage(key, args, null, locale));
        }
    }
}
