/**
 * The exceptions of the Swift client, rooted at {@link io.s3multi.swift.error.SwiftException}: one type
 * per way a request can fail, so callers map failures without reading messages.
 */
package io.s3multi.swift.error;
