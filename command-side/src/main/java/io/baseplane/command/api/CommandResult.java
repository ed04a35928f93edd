package io.baseplane.command.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answer to a command: the aggregate's id and its version after the command, also sent as ETag. */
public record CommandResult(String id, long version) {

    public String etag() {
        return "\"" + version + "\"";
    }

    public ResponseEntity<CommandResult> ok() {
        return ResponseEntity.ok().eTag(etag()).body(this);
    }

    public ResponseEntity<CommandResult> created(URI location) {
        return ResponseEntity.created(location).eTag(etag()).body(this);
    }

    /** The command started work a saga finishes; the resource appears at {@code location} when it is done. */
    public ResponseEntity<CommandResult> accepted(URI location) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).eTag(etag()).body(this);
    }
}
