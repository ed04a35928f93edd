package io.baseplane.command.api;

import io.baseplane.kernel.common.UserId;
import org.axonframework.messaging.MetaData;

/**
 * The authenticated caller of the current request, as command metadata (user, tenant, roles). Implemented
 * by the security layer of the application, so adapters here stay free of token formats.
 */
public interface CurrentCaller {

    MetaData commandMetaData();

    UserId userId();
}
