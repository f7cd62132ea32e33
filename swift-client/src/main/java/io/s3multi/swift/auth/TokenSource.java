package io.s3multi.swift.auth;

import io.s3multi.swift.error.SwiftException;

/**
 * Where the token for one Swift identity comes from: tempauth today ({@link TempAuthTokenSource}),
 * Keystone later, or a token handed over by a client ({@link FixedTokenSource}).
 *
 * <p>Implementations cache the token and are safe for concurrent use. {@link AuthorizedSession} calls
 * {@link #token()} before each request and {@link #refresh(AuthToken)} once when Swift answers 401.
 */
public interface TokenSource {

    /**
     * A token to use now: the cached one, or a new one when none is cached or the cached one is about to
     * expire.
     */
    AuthToken token() throws SwiftException;

    /**
     * A replacement for a token Swift just rejected. If another thread already replaced it, that newer
     * token is returned without asking the auth service again. A source that cannot obtain another token
     * returns {@code rejected} itself; the caller then gives up.
     */
    AuthToken refresh(AuthToken rejected) throws SwiftException;
}
