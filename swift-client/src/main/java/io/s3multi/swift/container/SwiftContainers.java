package io.s3multi.swift.container;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftNameEncoder;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.auth.AuthorizedSession;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.SwiftRequest;
import io.s3multi.swift.http.SwiftResponse;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Containers of one account, and the listings of objects and containers.
 *
 * <p>Container requests pass headers as given ({@code X-Storage-Policy}, {@code X-Container-Read},
 * {@code X-Container-Write}, {@code X-Container-Meta-*}, {@code X-Versions-Enabled}, ...). Listings are
 * read as JSON into typed entries, one page per request; {@code listAll...} walks every page lazily.
 * A status other than 2xx throws a {@link io.s3multi.swift.error.SwiftHttpStatusException} (404 for a
 * missing container, 409 for deleting one that is not empty, ...).
 */
public final class SwiftContainers {

    private final AuthorizedSession session;
    private final IntSupplier maxPageSize;

    /**
     * @param maxPageSize Swift's {@code container_listing_limit} (from {@code /info}): the largest page
     *                    Swift serves, used when a query sets no limit
     */
    public SwiftContainers(AuthorizedSession session, IntSupplier maxPageSize) {
        this.session = session;
        this.maxPageSize = maxPageSize;
    }

    /** Creates the container, or updates its headers if it exists (201 or 202). */
    public SwiftReply create(String container, SwiftHeaders headers) throws SwiftException {
        return session.send(request("PUT", container).headers(headers).build()).toReply();
    }

    /** The container's headers: object count, bytes used, policy, ACLs, metadata. */
    public SwiftReply head(String container) throws SwiftException {
        return session.send(request("HEAD", container).build()).toReply();
    }

    /** Deletes an empty container (409 if it is not empty). */
    public SwiftReply delete(String container) throws SwiftException {
        return session.send(request("DELETE", container).build()).toReply();
    }

    /** Sets container metadata and ACLs; metadata not named here is kept. */
    public SwiftReply post(String container, SwiftHeaders headers) throws SwiftException {
        return session.send(request("POST", container).headers(headers).build()).toReply();
    }

    /** One page of a container's objects. */
    public ListingPage<ObjectEntry> listObjects(String container, ListingQuery query) throws SwiftException {
        SwiftRequest.Builder request = request("GET", container).header("Accept", "application/json");
        query.addTo(request);
        try (SwiftResponse response = session.send(request.build()).orThrow()) {
            List<ObjectEntry> entries = response.status() == 204 ? List.of()
                    : ListingJson.readObjects(response.body(), response.describeRequest());
            return new ListingPage<>(entries, response.headers());
        }
    }

    /**
     * One page of a versioned container's versions listing ({@code ?versions}): names ascending, each name's
     * versions newest first. To continue after an entry, pass its name as the query's marker and its version
     * id as {@code versionMarker} (Swift's {@code version_marker}; {@code null} to start at the marker's
     * first version).
     */
    public ListingPage<VersionEntry> listVersions(String container, ListingQuery query, String versionMarker)
            throws SwiftException {
        SwiftRequest.Builder request = request("GET", container).header("Accept", "application/json")
                .flag("versions");
        query.addTo(request);
        request.paramIfPresent("version_marker", versionMarker);
        try (SwiftResponse response = session.send(request.build()).orThrow()) {
            List<VersionEntry> entries = response.status() == 204 ? List.of()
                    : ListingJson.readVersions(response.body(), response.describeRequest());
            return new ListingPage<>(entries, response.headers());
        }
    }

    /** Every object of a container that matches the query, fetched page by page as consumed. */
    public ListingCursor<ObjectEntry> listAllObjects(String container, ListingQuery query) {
        SwiftNameEncoder.requireContainerName(container);
        return new ListingCursor<>(pageQuery -> listObjects(container, pageQuery), ObjectEntry::name, query,
                pageSize(query));
    }

    /** One page of the account's containers. */
    public ListingPage<ContainerEntry> listContainers(ListingQuery query) throws SwiftException {
        SwiftRequest.Builder request = SwiftRequest.builder("GET", "").header("Accept", "application/json");
        query.addTo(request);
        try (SwiftResponse response = session.send(request.build()).orThrow()) {
            List<ContainerEntry> entries = response.status() == 204 ? List.of()
                    : ListingJson.readContainers(response.body(), response.describeRequest());
            return new ListingPage<>(entries, response.headers());
        }
    }

    /** Every container of the account that matches the query, fetched page by page as consumed. */
    public ListingCursor<ContainerEntry> listAllContainers(ListingQuery query) {
        return new ListingCursor<>(this::listContainers, ContainerEntry::name, query, pageSize(query));
    }

    private int pageSize(ListingQuery query) {
        int max = maxPageSize.getAsInt();
        return query.limit() == null ? max : Math.min(query.limit(), max);
    }

    private static SwiftRequest.Builder request(String method, String container) {
        return SwiftRequest.builder(method, SwiftNameEncoder.containerPath(container));
    }
}
