/**
 * S3 tag sets (object and bucket tagging): {@link io.s3multi.s3.tagging.TagSet} reads them from a
 * {@code Tagging} document or an {@code x-amz-tagging} header, {@link io.s3multi.s3.tagging.TagScope} holds
 * AWS's rules for each kind of resource. How a tag set is stored in Swift is the storage contract's business
 * ({@code io.s3multi.s3.contract.StoredTags}).
 *
 * <p>Nothing here talks to Swift; every refusal is an {@link io.s3multi.s3.error.S3Exception} with the code AWS
 * answers.
 */
package io.s3multi.s3.tagging;
