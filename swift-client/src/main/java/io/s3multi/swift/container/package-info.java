/**
 * Containers and listings of one account: {@link io.s3multi.swift.container.SwiftContainers}, the query
 * ({@link io.s3multi.swift.container.ListingQuery}), typed entries, and a
 * {@link io.s3multi.swift.container.ListingCursor} that pages through any listing lazily.
 */
package io.s3multi.swift.container;
