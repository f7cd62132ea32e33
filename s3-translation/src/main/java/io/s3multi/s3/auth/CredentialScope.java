package io.s3multi.s3.auth;

import java.util.Objects;

/**
 * The SigV4 credential scope {@code yyyymmdd/region/service/aws4_request}: which derived key signed the request.
 *
 * @param date    the signing day, {@code yyyyMMdd}
 * @param region  the region the client signed for (any string; S3 clients often use {@code us-east-1})
 * @param service the service, {@code s3} for every request this gateway accepts
 */
public record CredentialScope(String date, String region, String service) {

    /** The last element of every SigV4 scope. */
    public static final String TERMINATOR = "aws4_request";

    public CredentialScope {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
    }

    /** The scope as it appears in the credential and the string to sign. */
    @Override
    public String toString() {
        return date + "/" + region + "/" + service + "/" + TERMINATOR;
    }
}
