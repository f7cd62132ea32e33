package io.s3multi.filters.metrics;

import io.s3multi.filters.pipeline.MetricsSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read the metrics ({@code metrics.allow}, {@code metrics.token}): the same rule on the metrics listener and
 * on {@code metrics.path}. An address outside the allowed ones is refused before its token is looked at, so a
 * stranger learns nothing about the token.
 */
public final class MetricsReaders {

    /** The answer a reader gets: 200 with the metrics, or a refusal. */
    public enum Verdict {
        ALLOWED(200, ""),
        ADDRESS_REFUSED(403, "metrics are not readable from this address\n"),
        TOKEN_REFUSED(401, "metrics need Authorization: Bearer <metrics.token>\n");

        private final int status;
        private final String message;

        Verdict(int status, String message) {
            this.status = status;
            this.message = message;
        }

        public int status() {
            return status;
        }

        /** The plain-text body of a refusal. */
        public String message() {
            return message;
        }
    }

    private final MetricsSettings settings;
    private final byte[] expectedAuthorization;

    public MetricsReaders(MetricsSettings settings) {
        this.settings = settings;
        this.expectedAuthorization = settings.token().isEmpty() ? null
                : ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param clientAddress the reader's IP address as the container reports it
     * @param authorization its {@code Authorization} header, or {@code null}
     */
    public Verdict judge(String clientAddress, String authorization) {
        if (!settings.allow().admits(clientAddress)) {
            return Verdict.ADDRESS_REFUSED;
        }
        if (expectedAuthorization != null && (authorization == null || !MessageDigest.isEqual(expectedAuthorization,
                authorization.trim().getBytes(StandardCharsets.UTF_8)))) {
            return Verdict.TOKEN_REFUSED;
        }
        return Verdict.ALLOWED;
    }
}
