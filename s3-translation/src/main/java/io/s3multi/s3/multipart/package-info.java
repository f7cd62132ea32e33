/**
 * The S3 multipart upload API on Swift: uploads kept in {@code <bucket>_segments}, objects assembled as Static
 * Large Objects. What this package writes, and why it is laid out so, is the storage contract described in
 * {@link io.s3multi.s3.contract} (storage layout, what is the gateway's to delete, no orphans, what is left for the
 * sweeper); this package holds the operations that read and write it.
 *
 * <h2>Operations</h2>
 * <ul>
 *   <li>{@link io.s3multi.s3.multipart.UploadsHandler}: CreateMultipartUpload, ListMultipartUploads.</li>
 *   <li>{@link io.s3multi.s3.multipart.PartHandler}: UploadPart (streamed and verified; a part whose upload
 *       vanished during its PUT is deleted again and answered NoSuchUpload), UploadPartCopy (server-side
 *       {@code X-Copy-From} with {@code Range}), ListParts.</li>
 *   <li>{@link io.s3multi.s3.multipart.CompletionHandler}: CompleteMultipartUpload (checks in
 *       {@link io.s3multi.s3.multipart.CompletionPlan}, nested manifests by
 *       {@link io.s3multi.s3.multipart.ManifestPlan}, the answer kept alive by
 *       {@link io.s3multi.s3.multipart.HeartbeatBody}) and AbortMultipartUpload; both take the
 *       {@link io.s3multi.s3.multipart.FinishLocks} first (exact within one gateway, a
 *       {@link io.s3multi.s3.multipart.Claim} between gateways), and check each other's traces afterwards, so a
 *       race between gateways never leaves a corrupt object nor an orphan.</li>
 *   <li>{@link io.s3multi.s3.multipart.AbandonedFinish}: for the orphan sweeper, finishes a Complete or Abort that
 *       died holding its claim, under the same lock and with the same checks.</li>
 * </ul>
 *
 * <h2>tus uploads</h2>
 * A tus upload ({@code io.s3multi.s3.tus}) is a multipart upload in this layout: its marker carries, besides the
 * metadata of {@link io.s3multi.s3.contract.UploadInfo}, the reserved {@code X-Object-Meta-S3multi-Tus-Length},
 * {@code -Tus-Metadata}, {@code -Tus-Concat} and an {@code expires=<epoch seconds>} parameter of its content type;
 * each PATCH piece is its next part ({@code parts/<upload id>/<nnnnn>/<attempt>}); it completes through
 * {@link io.s3multi.s3.multipart.CompletionHandler#completeNow} and is terminated as an Abort.
 */
package io.s3multi.s3.multipart;
