package io.s3multi.swift.container;

import io.s3multi.swift.SwiftHeaders;
import java.util.List;

/**
 * One page of a listing as Swift answered it.
 *
 * @param entries the entries, in Swift's order
 * @param headers the listing answer's headers: for a container {@code X-Container-Object-Count},
 *                {@code X-Container-Bytes-Used}, {@code X-Storage-Policy}, {@code X-Container-Meta-*};
 *                for an account the same at account level
 * @param <T>     {@link ObjectEntry}, {@link VersionEntry} or {@link ContainerEntry}
 */
public record ListingPage<T>(List<T> entries, SwiftHeaders headers) {

    public ListingPage {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
