package io.baseplane.kernel.common;

/**
 * The addressed resource does not exist for this caller (HTTP 404). Also thrown for another tenant's
 * resources, so that a caller cannot learn what exists outside its tenant.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String resource, Object id) {
        super(resource + ".not-found", resource + " " + id + " was not found");
    }

    /** The refusal a handler on another node described, with its code and message as they were. */
    NotFoundException(RefusalDetails remote) {
        super(remote.code(), remote.message());
    }
}
