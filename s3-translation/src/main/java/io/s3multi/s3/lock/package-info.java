/**
 * S3 Object Lock (WORM): the pieces the write, delete and lock operations share. The stored form (reserved metadata
 * on each version, the bucket's configuration on its container) is the storage contract's
 * ({@link io.s3multi.s3.contract.ObjectLockState}, {@link io.s3multi.s3.contract.BucketLockConfiguration}); the
 * decisions and the divergences from AWS are in docs/OBJECT-LOCK.md.
 * <ul>
 *   <li>{@link io.s3multi.s3.lock.BucketLocks}: a bucket's configuration, read from its container and kept for a few
 *       seconds, so writes to buckets without Object Lock pay no Swift request for it;</li>
 *   <li>{@link io.s3multi.s3.lock.LockHeaders}: the {@code x-amz-object-lock-*} headers of a write, validated as AWS
 *       validates them;</li>
 *   <li>{@link io.s3multi.s3.lock.NewVersionLock}: the state a new version gets (the request's, else the bucket's
 *       default retention);</li>
 *   <li>{@link io.s3multi.s3.lock.DeleteAuthority}: whether a delete may destroy a version, with or without
 *       {@code x-amz-bypass-governance-retention}.</li>
 * </ul>
 *
 * <p>Below the handlers and multipart, beside {@code io.s3multi.s3.operation}, which it uses; it knows neither.
 */
package io.s3multi.s3.lock;
