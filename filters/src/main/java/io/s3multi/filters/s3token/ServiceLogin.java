package io.s3multi.filters.s3token;

/**
 * How the gateway logs in to Keystone as itself. The design meant OpenStack4j to sit behind this interface; it is
 * implemented in-house ({@link KeystonePasswordLogin}) because OpenStack4j 3.12 cannot pass the build's
 * {@code dependencyConvergence} rule without the parent forcing Guava, SnakeYAML and jsr305 onto versions it was
 * never built with (see the package documentation).
 */
public interface ServiceLogin {

    /** A fresh project-scoped token for the gateway's service user. */
    ServiceToken login() throws KeystoneUnavailableException, KeystoneRefusalException;
}
