package org.stdhub.identity;

/**
 * Where to write to a person: what the system's own mail needs, and nothing of the account itself.
 *
 * @param personId the person's id (tells two contacts of one person apart from two people)
 * @param login the login name
 * @param displayName the name to address them by (the Chinese display name)
 * @param email the e-mail address
 */
public record Contact(long personId, String login, String displayName, String email) {

    static Contact of(Person person) {
        return new Contact(person.getId(), person.getLogin(), person.getDisplayNameZh(), person.getEmail());
    }
}
