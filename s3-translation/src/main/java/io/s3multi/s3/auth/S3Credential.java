package io.s3multi.s3.auth;

import java.util.Objects;

/**
 * What a credential store knows about one access key: its secret and whom it identifies.
 *
 * @param accessKey the access key id as clients send it (tempauth style {@code account:user} is fine)
 * @param secret    the secret the client signs with
 * @param identity  whatever the auth stage attaches to the request for the S3 stages (its own type: a tempauth
 *                  user, a Keystone project, ...)
 * @param <I>       the identity type of the store
 */
public record S3Credential<I>(String accessKey, SecretAccessKey secret, I identity) {

    public S3Credential {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(identity, "identity");
    }
}
