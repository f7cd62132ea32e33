/**
 * tus 1.0.0 resumable uploads (https://tus.io/protocols/resumable-upload) stored as s3multi multipart uploads.
 *
 * <h2>Storage</h2>
 * A tus upload <em>is</em> a multipart upload of {@link io.s3multi.s3.multipart}, in the same layout
 * ({@link io.s3multi.s3.contract.SegmentsLayout}): its marker {@code uploads/<key><SEP><upload id>} carries, besides
 * the multipart metadata, {@code X-Object-Meta-S3multi-Tus-Length} (absent while the length is deferred),
 * {@code -Tus-Metadata} (the {@code Upload-Metadata} as sent), {@code -Tus-Concat: partial}, and the expiry as the
 * marker content type's {@code expires} parameter ({@link TusUpload}); every PATCH stores its body as the next parts
 * {@code parts/<upload id>/<nnnnn>/<attempt>}, a piece of at most {@code piece_size} bytes each
 * ({@link PatchWriter}). The offset is computed from the listing ({@link TusProgress}), so any gateway resumes any
 * upload. The last byte completes the upload through the multipart completion ({@link MultipartBridge}): an SLO at
 * the key, claims, clean-up and everything the completion path runs before publishing, as for
 * CompleteMultipartUpload. With {@code Prefer: respond-async} that completion runs after a {@code 202}
 * ({@link TusCompletions}); HEAD shows its {@code Upload-Processing} state and resumes a completion no gateway runs
 * any more. A DELETE is an AbortMultipartUpload. S3 clients see tus uploads in
 * ListMultipartUploads and may abort them.
 *
 * <h2>URLs</h2>
 * An upload lives at {@code <path>/<bucket>/<tus id>}, the tus id an {@link UploadCapability}: upload id, account,
 * key and a MAC under the gateway secret. The creation POST is authenticated as any S3 request (SigV4 header or
 * presigned URL) or with a Swift token; the URL it answers is then the credential for that one upload.
 */
package io.s3multi.s3.tus;
