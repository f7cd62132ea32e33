package io.s3multi.swift.auth;

/**
 * A token obtained elsewhere (a client's own {@code X-Auth-Token}, a test): used as is, never refreshed.
 * A 401 with it is final.
 */
public final class FixedTokenSource implements TokenSource {

    private final AuthToken token;

    public FixedTokenSource(AuthToken token) {
        this.token = token;
    }

    @Override
    public AuthToken token() {
        return token;
    }

    @Override
    public AuthToken refresh(AuthToken rejected) {
        return token;
    }
}
