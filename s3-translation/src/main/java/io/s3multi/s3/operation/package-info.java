/**
 * The types every S3 operation is written with, shared by the handlers ({@code io.s3multi.s3.handler}) and the
 * multipart code ({@code io.s3multi.s3.multipart}) and below both: the call an operation serves
 * ({@link io.s3multi.s3.operation.S3Call}: request, identity, Swift account, body) and the answer it gives
 * ({@link io.s3multi.s3.operation.S3Response}, {@link io.s3multi.s3.operation.S3Body}), the settings they run with
 * ({@link io.s3multi.s3.operation.S3ApiSettings}); how Swift failures become S3 errors
 * ({@link io.s3multi.s3.operation.S3Failures}, {@link io.s3multi.s3.operation.SwiftStatusMapper}) and what a missing
 * bucket answers ({@link io.s3multi.s3.operation.MissingBucket}); an object's metadata between S3 and Swift
 * ({@link io.s3multi.s3.operation.ObjectMetadata}) and a stored object as S3 shows it
 * ({@link io.s3multi.s3.operation.StoredObject}). It uses the storage contract ({@code io.s3multi.s3.contract}),
 * never the handlers or multipart.
 */
package io.s3multi.s3.operation;
