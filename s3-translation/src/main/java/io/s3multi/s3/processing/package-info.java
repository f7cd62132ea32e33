/**
 * Processing steps an upload passes after its last byte and before its object appears at its key (issue #18
 * item 4): the completion path of a multipart upload (S3 CompleteMultipartUpload and the end of a tus upload) hands
 * the upload to {@link io.s3multi.s3.processing.ProcessingSteps} once its parts are known and publishes the
 * manifest only when every step passed. Without steps configured ({@link io.s3multi.s3.processing.ProcessingSteps#NONE})
 * nothing changes: the manifest is published at once.
 */
package io.s3multi.s3.processing;
