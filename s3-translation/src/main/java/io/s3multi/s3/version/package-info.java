/**
 * S3 versioning on Swift's object versioning, the pieces every versioned operation shares: the version id as S3
 * shows and accepts it ({@link io.s3multi.s3.version.VersionId}), the bucket's versioning state as the container
 * records it ({@link io.s3multi.s3.version.BucketVersioning}), and the header names on both sides
 * ({@link io.s3multi.s3.version.VersionHeaders}). The decision and its evidence: docs/VERSIONING.md.
 *
 * <p>Below the handlers and multipart, beside {@code io.s3multi.s3.operation}, which it uses; it knows neither.
 */
package io.s3multi.s3.version;
