package io.baseplane.saga.airtable.client;

import java.util.Optional;

/**
 * Port to wherever access tokens are kept. Events and commands carry only a {@code tokenRef}; the token is
 * looked up here right before a request and must never be logged or put into an exception.
 */
public interface SecretStore {

    /** The secret stored under {@code tokenRef}, or empty when there is none. */
    Optional<String> secret(String tokenRef);
}
