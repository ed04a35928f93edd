package io.baseplane.query.api;

import io.baseplane.kernel.common.Versioned;
import org.springframework.http.ResponseEntity;

/** A view's answer with its version as ETag, so clients can send it back as If-Match on commands. */
public final class ViewResponses {

    private ViewResponses() {
    }

    public static <V extends Versioned> ResponseEntity<V> ok(V view) {
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }
}
