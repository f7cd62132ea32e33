package io.s3multi.swift;

import io.s3multi.swift.auth.AuthorizedSession;
import io.s3multi.swift.bulk.SwiftBulkDelete;
import io.s3multi.swift.container.SwiftContainers;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.SwiftRequest;
import io.s3multi.swift.object.SwiftObjects;
import io.s3multi.swift.slo.SwiftLargeObjects;
import java.net.URI;

/**
 * One Swift account as seen with one identity's token: the entry point to its objects, containers and
 * listings, large objects and bulk deletes.
 *
 * <p>Cheap to create and safe to share; every request goes through one {@link AuthorizedSession}, which
 * adds the token and retries once after a 401 with a fresh one. Obtain it from
 * {@link SwiftBackend#account(io.s3multi.swift.auth.TokenSource)}.
 */
public final class SwiftAccount {

    private final AuthorizedSession session;
    private final SwiftObjects objects;
    private final SwiftContainers containers;
    private final SwiftLargeObjects largeObjects;
    private final SwiftBulkDelete bulkDelete;

    SwiftAccount(AuthorizedSession session, SwiftBackend.Limits limits) {
        this.session = session;
        this.objects = new SwiftObjects(session);
        this.containers = new SwiftContainers(session, limits::containerListingLimit);
        this.largeObjects = new SwiftLargeObjects(session);
        this.bulkDelete = new SwiftBulkDelete(session, limits::maxDeletesPerRequest);
    }

    /** PUT, GET, HEAD, DELETE, copy and POST of objects. */
    public SwiftObjects objects() {
        return objects;
    }

    /** Containers and listings (of objects, and of the account's containers). */
    public SwiftContainers containers() {
        return containers;
    }

    /** Static Large Object manifests. */
    public SwiftLargeObjects largeObjects() {
        return largeObjects;
    }

    /** Deleting many objects per request. */
    public SwiftBulkDelete bulkDelete() {
        return bulkDelete;
    }

    /** The account's headers: container count, bytes used, quotas, {@code X-Account-Meta-*}. */
    public SwiftReply head() throws SwiftException {
        return session.send(SwiftRequest.builder("HEAD", "").build()).toReply();
    }

    /** Sets account metadata ({@code X-Account-Meta-*}, which also holds temp-URL keys). */
    public SwiftReply post(SwiftHeaders headers) throws SwiftException {
        return session.send(SwiftRequest.builder("POST", "").headers(headers).build()).toReply();
    }

    /** The account's storage URL, such as {@code http://127.0.0.1:8081/v1/AUTH_test}. */
    public URI storageUrl() throws SwiftException {
        return session.storageUrl();
    }

    /** For requests this API does not cover: paths relative to the storage URL, token and 401 retry added. */
    public AuthorizedSession session() {
        return session;
    }
}
