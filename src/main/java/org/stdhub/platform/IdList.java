package org.stdhub.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Record numbers typed into one text field of a page form (people, organizations, tasks, patents …), separated by
 * commas (half- or full-width) or white space.
 */
public final class IdList {

    private IdList() {}

    /** The numbers in {@code typed} (none for a blank field); empty when a part is not a number. */
    public static Optional<List<Long>> read(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.of(List.of());
        }
        try {
            return Optional.of(Arrays.stream(typed.split("[\\s,，]+"))
                    .filter(part -> !part.isEmpty())
                    .map(Long::parseLong)
                    .toList());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
