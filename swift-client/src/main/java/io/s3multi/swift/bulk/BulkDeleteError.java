package io.s3multi.swift.bulk;

/**
 * One path that Swift could not delete (or, for an SLO manifest, one segment it refused).
 *
 * @param path   the path as Swift reported it, decoded: {@code /container/object}
 * @param status Swift's status for it, such as {@code 409 Conflict} or {@code 401 Unauthorized}
 */
public record BulkDeleteError(String path, String status) {
}
