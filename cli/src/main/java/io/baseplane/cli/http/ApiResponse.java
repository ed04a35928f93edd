package io.baseplane.cli.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer.
 *
 * @param body     null when the answer had none (204)
 * @param location the Location header, null when absent
 */
public record ApiResponse(int status, JsonNode body, String location) {

    public boolean hasBody() {
        return body != null;
    }

    public <T> T as(Class<T> type) {
        if (body == null) {
            throw new IllegalStateException("the API answered " + status + " without a body");
        }
        return Json.convert(body, type);
    }
}
