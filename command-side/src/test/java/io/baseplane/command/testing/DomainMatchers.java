package io.baseplane.command.testing;

import io.baseplane.kernel.common.DomainException;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.NotFoundException;
import io.baseplane.kernel.common.RuleViolationException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for fixture {@code expectException(...)}: they name the rule, not just the type. */
public final class DomainMatchers {

    private DomainMatchers() {
    }

    /** A {@link RuleViolationException} for the given rule code, e.g. {@code workspace.last-owner}. */
    public static Matcher<Throwable> violates(String rule) {
        return new DomainExceptionMatcher(RuleViolationException.class, rule);
    }

    /** A {@link NotFoundException} about the given kind of resource, e.g. {@code member}. */
    public static Matcher<Throwable> notFound(String resource) {
        return new DomainExceptionMatcher(NotFoundException.class, resource + ".not-found");
    }

    /** A {@link NotFoundException} about any resource. */
    public static Matcher<Throwable> notFound() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof NotFoundException;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("NotFoundException");
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description mismatch) {
                mismatch.appendText("was ").appendValue(thrown);
            }
        };
    }

    /** An {@link InvalidValueException} against the given field. */
    public static Matcher<Throwable> invalid(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof InvalidValueException invalid && invalid.field().equals(field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidValueException for field ").appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description mismatch) {
                mismatch.appendText("was ").appendValue(thrown);
            }
        };
    }

    private static final class DomainExceptionMatcher extends TypeSafeMatcher<Throwable> {

        private final Class<? extends DomainException> type;
        private final String code;

        DomainExceptionMatcher(Class<? extends DomainException> type, String code) {
            this.type = type;
            this.code = code;
        }

        @Override
        protected boolean matchesSafely(Throwable thrown) {
            return type.isInstance(thrown) && code.equals(((DomainException) thrown).code());
        }

        @Override
        public void describeTo(Description description) {
            description.appendText(type.getSimpleName() + " with code ").appendValue(code);
        }

        @Override
        protected void describeMismatchSafely(Throwable thrown, Description mismatch) {
            mismatch.appendText("was ").appendValue(thrown);
            if (thrown instanceof DomainException domain) {
                mismatch.appendText(" with code ").appendValue(domain.code());
            }
        }
    }
}
