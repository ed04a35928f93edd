package io.baseplane.kernel.common;

/**
 * The caller may see the resource but not do this to it (HTTP 403), e.g. a workspace VIEWER renaming it.
 * The code names the missing permission.
 */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String code, String message) {
        super(code, message);
    }
}
