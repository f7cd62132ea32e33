/**
 * Bulk delete ({@link io.s3multi.swift.bulk.SwiftBulkDelete}) and the result document that Swift's
 * long-running operations answer with ({@link io.s3multi.swift.bulk.BulkResultDocument}).
 */
package io.s3multi.swift.bulk;
