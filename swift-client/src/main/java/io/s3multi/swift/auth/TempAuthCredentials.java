package io.s3multi.swift.auth;

/**
 * A tempauth user and key, as sent to {@code /auth/v1.0} in {@code X-Auth-User} and {@code X-Auth-Key}.
 *
 * @param user the user as {@code account:user}, such as {@code test:tester}
 * @param key  the user's key; kept out of {@link #toString()}
 */
public record TempAuthCredentials(String user, String key) {

    public TempAuthCredentials {
        if (user == null || user.isEmpty() || key == null || key.isEmpty()) {
            throw new IllegalArgumentException("tempauth user and key must not be empty");
        }
    }

    @Override
    public String toString() {
        return "TempAuthCredentials[user=" + user + "]";
    }
}
