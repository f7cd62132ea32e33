/**
 * The object operations behind {@link io.s3multi.s3.handler.ObjectHandler} and
 * {@link io.s3multi.s3.handler.MultiDeleteHandler}: S3 objects as Swift objects of the bucket's container.
 *
 * <h2>Mapping (a contract with what is stored in Swift)</h2>
 * <ul>
 *   <li>Key {@code k} of bucket {@code b} is object {@code k} of container {@code b}, name unchanged.</li>
 *   <li>{@code x-amz-meta-foo} is {@code X-Object-Meta-Foo}; {@code Content-Type} (default
 *       {@code binary/octet-stream}), {@code Content-Encoding} (without {@code aws-chunked}),
 *       {@code Content-Disposition}, {@code Content-Language}, {@code Cache-Control} and {@code Expires} are
 *       stored by Swift as they are ({@link io.s3multi.s3.operation.ObjectMetadata}).</li>
 *   <li>{@code X-Object-Meta-S3multi-*} is the gateway's own ({@link io.s3multi.s3.contract.ReservedMetadata}):
 *       the S3 ETag of multipart objects, the checksum a client sent and its type. Never shown, never accepted
 *       in any spelling, never written by a native Swift request through the gateway.</li>
 *   <li>The S3 ETag is that reserved ETag on a Static Large Object when it is well-formed, else Swift's (the MD5
 *       of a plain object), quoted.</li>
 *   <li>Deleting or overwriting an object deletes segments only of an upload the gateway verifies it completed
 *       at that key ({@link io.s3multi.s3.multipart.CompletedManifest}); a native SLO loses its manifest only.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Bodies stream</b>: PutObject hands the verified client body to one Swift PUT with its decoded length;
 *       a failed check stops the upload before its last byte, so Swift stores nothing. A body no larger than
 *       swift-client's upload buffer (256 KiB) is read whole and checked first, then sent in one piece (a failed
 *       check sends Swift nothing). GetObject hands Swift's body to the client as it arrives.</li>
 *   <li><b>Checksums from a trailer</b> (the AWS SDK's default) are known only after the body. A small body's
 *       PUT carries it (read whole first, above); for a larger one Swift has the headers by then, and it is stored
 *       by a metadata POST right after the PUT that re-sends all metadata (a Swift POST replaces it). Checksums
 *       sent as headers go with the PUT.</li>
 *   <li><b>Conditions</b> on reads are evaluated by the gateway from a HEAD, with S3's precedence; copies
 *       evaluate {@code x-amz-copy-source-if-*} against the source's HEAD.</li>
 *   <li><b>Copies</b> are Swift copies ({@code X-Copy-From}) with the new object's metadata written out
 *       ({@code X-Fresh-Metadata: true}); no object bytes pass through the gateway.</li>
 *   <li><b>Static Large Objects</b> (multipart uploads) are deleted with their segments; when a PUT or copy
 *       replaces one, its segments are deleted after the new object is stored.</li>
 *   <li><b>Missing bucket or key</b>: a 404 on an object costs one container HEAD to tell {@code NoSuchBucket}
 *       from {@code NoSuchKey}.</li>
 * </ul>
 */
package io.s3multi.s3.handler.object;
