package io.baseplane.app.security;

/** Names of the platform's own claims in a token, beside the standard {@code sub}, {@code iss}, {@code aud}. */
public final class TokenClaims {

    /** Platform roles, e.g. {@code ["TENANT_ADMIN"]}. */
    public static final String ROLES = "roles";
    /** The tenant the caller acts in; absent for platform operators. */
    public static final String TENANT_ID = "tenant_id";

    private TokenClaims() {
    }
}
