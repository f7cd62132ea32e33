/**
 * Browser form uploads (PostObject): {@link io.s3multi.s3.post.PostForm} reads a {@code multipart/form-data} body
 * as a stream up to its file ({@link io.s3multi.s3.post.MultipartFormReader}), {@link io.s3multi.s3.post.PostPolicy}
 * is the form's policy (expiration, conditions, the file's size range), and
 * {@link io.s3multi.s3.post.PostSubmission} is the three together with the form's signature, as the edge verifies
 * it and the handler ({@code io.s3multi.s3.handler.PostObjectHandler}) stores the file.
 */
package io.s3multi.s3.post;
