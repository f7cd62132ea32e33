package io.s3multi.filters.tus;

import io.s3multi.filters.pipeline.ServiceIdentity;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key of the upload URLs' MAC: {@code filter.tus.secret}; else derived from the service key (every gateway of a
 * cluster has it, so they accept each other's URLs, and it is a secret already); else random, logged: URLs then
 * work only on this gateway until it restarts.
 */
final class TusSecret {

    private static final Logger LOG = LoggerFactory.getLogger(TusSecret.class);

    private TusSecret() {
    }

    static byte[] of(String configured, ServiceIdentity service) {
        if (!configured.isEmpty()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        if (service.isConfigured()) {
            try {
                return MessageDigest.getInstance("SHA-256")
                        .digest(("s3multi tus upload urls\n" + service.key()).getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
        LOG.warn("tus: neither filter.tus.secret nor service_key is set; upload URLs work only on this gateway"
                + " until it restarts");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
