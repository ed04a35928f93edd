package io.baseplane.kernel.common;

/** A business rule refused the command (HTTP 409). The code names the rule, e.g. {@code workspace.member-limit}. */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String rule, String message) {
        super(rule, message);
    }
}
