package io.baseplane.kernel.common;

/**
 * A refusal the domain explains to the caller. The {@link #code()} is stable and machine-readable; the
 * message is for humans. Neither ever contains secrets or internals.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
