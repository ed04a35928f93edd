package io.baseplane.kernel.common;

import org.axonframework.messaging.MetaData;

/**
 * The authenticated caller of the current request, as message metadata (user, tenant, roles) for the
 * commands and queries it sends. Implemented by the security layer of the application, so the REST
 * adapters stay free of token formats.
 */
public interface CurrentCaller {

    MetaData metaData();

    UserId userId();
}
