package io.s3multi.swift.auth;

import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftRequest;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.swift.http.SwiftTransport;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests into one Swift account: aims them at the account's storage URL, adds the token, and
 * answers a 401 with one token refresh and one retry.
 *
 * <p>The retry happens only when the body can be sent again: no body, a body held in memory, or a
 * stream not a byte of which has been read. Uploads of 1 MiB or more send {@code Expect: 100-continue}, so
 * Swift's 401 normally arrives before the stream is touched and the upload is simply retried. If Swift asked
 * for the body first (a smaller upload, or expect-continue off) and then refused, the stream is partly consumed; the 401 is then
 * final and surfaces as a {@link SwiftHttpStatusException} with status 401, and the token is renewed for the
 * requests that follow. Token sources renew tokens shortly before they expire to
 * make that case rare.
 */
public final class AuthorizedSession {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizedSession.class);
    private static final String TOKEN_HEADER = "X-Auth-Token";

    private final SwiftTransport transport;
    private final TokenSource tokens;

    public AuthorizedSession(SwiftTransport transport, TokenSource tokens) {
        this.transport = transport;
        this.tokens = tokens;
    }

    /**
     * Sends a request whose path is relative to the account's storage URL ({@code /container/object}).
     *
     * @return the answer, whatever its status (a second 401 included); close it
     */
    public SwiftResponse send(SwiftRequest request) throws SwiftException {
        AuthToken token = tokens.token();
        SwiftResponse response = transport.send(token.storageUrl(), request.withHeader(TOKEN_HEADER, token.value()));
        if (response.status() != 401) {
            return response;
        }
        SwiftHttpStatusException rejected = response.toStatusException();
        if (!request.body().canResend()) {
            LOG.info("{}: token rejected after {} body bytes were streamed; not retried", request,
                    request.body().bytesStreamed());
            // This request is lost, but the client's retry must not meet the same dead token.
            tokens.refresh(token);
            throw rejected;
        }
        AuthToken fresh = tokens.refresh(token);
        if (fresh.sameAs(token)) {
            throw rejected;
        }
        LOG.debug("{}: token rejected, retrying once with a fresh one", request);
        return transport.send(fresh.storageUrl(), request.withHeader(TOKEN_HEADER, fresh.value()));
    }

    /** The account's storage URL (logs in if needed). */
    public URI storageUrl() throws SwiftException {
        return tokens.token().storageUrl();
    }

    /** The transport underneath, for requests outside the account (such as {@code /info}). */
    public SwiftTransport transport() {
        return transport;
    }
}
