package io.s3multi.filters.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTPS for the embedded launcher (top-level {@code server.key_store}, {@code server.key_store_password},
 * {@code server.key_store_type}): with a key store, the launcher's port speaks TLS only, with the JDK's TLS and
 * the certificate chain and key the store holds. A WAR ignores them (the container terminates TLS).
 *
 * @param keyStore the key store file, empty for plain HTTP
 * @param password its password (also the key's)
 * @param type     its type, {@code PKCS12} or {@code JKS}
 */
public record ServerTls(Optional<Path> keyStore, String password, String type) {

    public ServerTls {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(type, "type");
    }

    /** Plain HTTP. */
    public static ServerTls none() {
        return new ServerTls(Optional.empty(), "", "PKCS12");
    }

    public boolean enabled() {
        return keyStore.isPresent();
    }

    @Override
    public String toString() {
        return keyStore.map(path -> "TLS with " + path + " (" + type + ")").orElse("plain HTTP");
    }
}
