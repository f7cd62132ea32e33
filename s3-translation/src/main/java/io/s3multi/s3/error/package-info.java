/**
 * S3 errors as data: the code table ({@link io.s3multi.s3.error.S3ErrorCode}), the one exception every S3 stage
 * throws ({@link io.s3multi.s3.error.S3Exception}), and the one renderer
 * ({@link io.s3multi.s3.error.S3ErrorXml}).
 *
 * <p>The rule for the rest of the gateway: code that detects a client-visible failure throws the
 * {@code S3Exception} factory named after the AWS code, with the context that factory requires; it never throws
 * {@code IllegalArgumentException} for a client mistake, never calls {@code sendError}, and never writes an error
 * body itself. The stage at the edge catches {@code S3Exception}, turns anything else into a logged
 * {@code InternalError}, and renders with {@code S3ErrorXml}.
 */
package io.s3multi.s3.error;
