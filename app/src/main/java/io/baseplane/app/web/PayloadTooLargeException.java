package io.baseplane.app.web;

import java.io.IOException;

/** The request body went past the configured limit while it was being read. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
