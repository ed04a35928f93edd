package io.baseplane.command.airtable;

import io.baseplane.kernel.common.DomainException;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.RuleViolationException;
import java.util.function.Predicate;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the refusals a command handler throws, by rule code or field. */
final class Refusals {

    private Refusals() {
    }

    /** A {@link RuleViolationException} (409) with this code. */
    static Matcher<Throwable> rule(String code) {
        return refusal("RuleViolationException " + code, t -> t instanceof RuleViolationException r && r.code().equals(code));
    }

    /** An {@link InvalidValueException} (400) about this field. */
    static Matcher<Throwable> invalid(String field) {
        return refusal("InvalidValueException on " + field, t -> t instanceof InvalidValueException e && e.field().equals(field));
    }

    /** A {@link NotFoundException} (404). */
    static Matcher<Throwable> notFound() {
        return refusal("NotFoundException", t -> t instanceof NotFoundException);
    }

    private static Matcher<Throwable> refusal(String expected, Predicate<Throwable> test) {
        return new TypeSafeMatcher<>(Throwable.class) {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return test.test(thrown);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(expected);
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description description) {
                description.appendText("was " + thrown.getClass().getSimpleName()
                        + (thrown instanceof DomainException d ? " " + d.code() : "")
                        + (thrown instanceof InvalidValueException i ? " on " + i.field() : "")
                        + ": " + thrown.getMessage());
            }
        };
    }
}
