package io.baseplane.app.security.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a key, {@code bpk_<key id as 32 hex>_<secret as base64url>}: the id finds the stored hash
 * with one indexed read, the secret is compared as a hash in constant time.
 */
record ApiKeySecret(UUID keyId, String secret) {

    private static final String PREFIX = "bpk_";
    private static final Pattern SHAPE = Pattern.compile("bpk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    static ApiKeySecret generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new ApiKeySecret(UUID.randomUUID(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Empty for anything that is not a well-formed key; nothing of it is echoed back. */
    static Optional<ApiKeySecret> parse(String header) {
        if (header == null || header.length() > 100) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(header.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String hex = matcher.group(1);
        UUID id = UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        return Optional.of(new ApiKeySecret(id, matcher.group(2)));
    }

    String plainText() {
        return PREFIX + keyId.toString().replace("-", "") + "_" + secret;
    }

    byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Compares in time independent of where the hashes differ. */
    boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(hash(), storedHash);
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + keyId + "]";
    }
}
