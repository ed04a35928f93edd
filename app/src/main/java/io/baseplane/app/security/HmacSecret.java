package io.baseplane.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HS256 key of the embedded default: the configured one, or one generated on first start and kept
 * (owner-readable only) so that tokens survive restarts.
 */
final class HmacSecret {

    private static final int MIN_BYTES = 32;

    private HmacSecret() {
    }

    static SecretKey load(SecurityProperties properties) {
        byte[] key = properties.hmacSecret() != null && !properties.hmacSecret().isBlank()
                ? Base64.getDecoder().decode(properties.hmacSecret().strip())
                : readOrGenerate(properties.hmacSecretFile());
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException("baseplane.security.hmac-secret must hold at least 256 bits");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static byte[] readOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] key = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(key);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "jwt-hmac", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
            Files.move(temporary, file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the JWT secret at " + file, e);
        }
    }
}
