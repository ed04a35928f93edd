package io.baseplane.app.deadletter;

import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.Text;
import io.baseplane.projection.ReadModelGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dead letters an operator's action is about: a view processor and exactly one of an error group, a sequence (an
 * aggregate's parked events) or one entry.
 */
record DeadLetterSelection(String processor, Scope scope, String target) {

    /** Longest sequence identifier or entry id the table holds. */
    private static final int MAX_ID_LENGTH = 255;

    enum Scope {
        GROUP, SEQUENCE, ENTRY;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks a request's fields, naming every bad one at once (400); a processor without dead letters is not found
     * (404).
     */
    static DeadLetterSelection parse(String processor, String group, String sequence, String entry) {
        List<InvalidValueException> errors = new ArrayList<>();
        List<String> given = new ArrayList<>();
        if (group != null) {
            given.add("group");
        }
        if (sequence != null) {
            given.add("sequence");
        }
        if (entry != null) {
            given.add("entry");
        }
        if (processor == null || processor.isBlank()) {
            errors.add(new InvalidValueException("processor", "must name a view processor"));
        }
        if (given.size() != 1) {
            // Reported against the second one given, or against "group" when none is.
            errors.add(new InvalidValueException(given.size() > 1 ? given.get(1) : "group",
                    "exactly one of group, sequence and entry must be given"));
        }
        Scope scope = group != null ? Scope.GROUP : sequence != null ? Scope.SEQUENCE : Scope.ENTRY;
        String target = null;
        if (given.size() == 1) {
            try {
                target = scope == Scope.GROUP ? requireGroup(group)
                        : Text.requireName(scope.label(), scope == Scope.SEQUENCE ? sequence : entry, MAX_ID_LENGTH);
            } catch (InvalidValueException invalid) {
                errors.add(invalid);
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidValueException.together(errors);
        }
        return new DeadLetterSelection(requireProcessor(processor), scope, target);
    }

    /** A view processor's name; any other name (a saga's processor included) has no dead letters: 404. */
    static String requireProcessor(String processor) {
        if (!ReadModelGroups.ALL.contains(processor)) {
            throw new NotFoundException("processor", processor);
        }
        return processor;
    }

    static String requireGroup(String group) {
        if (group == null || !ErrorFingerprint.ID.matcher(group).matches()) {
            throw new InvalidValueException("group", "must be a group id of the dead-letter list ("
                    + ErrorFingerprint.ID_LENGTH + " hexadecimal digits)");
        }
        return group;
    }
}
