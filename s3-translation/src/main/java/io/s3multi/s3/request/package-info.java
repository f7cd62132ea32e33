/**
 * What an S3 request is: {@link io.s3multi.s3.request.S3RequestParser} tells S3 from native Swift and parses the
 * request once into an {@link io.s3multi.s3.request.S3Request} (bucket, exact key, query, addressing style);
 * {@link io.s3multi.s3.request.S3OperationClassifier} maps it to an {@link io.s3multi.s3.request.S3Operation}.
 * Naming rules live in {@link io.s3multi.s3.request.BucketNames}, {@link io.s3multi.s3.request.ObjectKeys} and
 * {@link io.s3multi.s3.request.PartNumbers}.
 *
 * <p>Nothing here performs the operation or talks to Swift; every failure is an
 * {@link io.s3multi.s3.error.S3Exception} with the code AWS would answer.
 */
package io.s3multi.s3.request;
