/**
 * S3 request authentication: SigV4 (Authorization header and presigned URLs), SigV2 (both forms), and the
 * aws-chunked body encoding whose chunks SigV4 signs. No servlet API; the input is a
 * {@link io.s3multi.s3.http.RequestHead}.
 *
 * <p>How an auth stage uses it:
 *
 * <pre>{@code
 * Optional<SignedRequest> signed = SignedRequestParser.parse(head, virtualHostBucket); // empty: anonymous
 * // with secrets at hand (tempauth):
 * Optional<Authenticated<User>> who = new S3Authenticator<>(store, verifier).authenticate(signed.get());
 * // or remotely (Keystone s3tokens):
 * verifier.checkTime(signed.get());
 * keystone.verify(signed.get().accessKey(), signed.get().stringToSign(), signed.get().signature());
 * // then, for a request with a body:
 * RequestBody body = RequestBody.open(servletInput, head, signed.get(), signingKeyOrNull, Set.of(MD5));
 * swift.put(..., body.stream(), body.contentLength());   // fails before its last byte on a bad body
 * }</pre>
 *
 * <p>Parsing ({@link io.s3multi.s3.auth.SignedRequestParser}) needs neither secret nor clock and yields the exact
 * string to sign. Verification ({@link io.s3multi.s3.auth.SignatureVerifier}) checks clock skew (15 minutes)
 * and presigned expiry against an injectable {@link java.time.Clock}, derives SigV4 keys through a
 * {@link io.s3multi.s3.auth.SigningKeyCache} and compares signatures in constant time.
 * {@link io.s3multi.s3.auth.AwsChunkedInputStream} decodes aws-chunked bodies and verifies the chunk signature
 * chain and signed trailers, holding back the last byte until all of it checks out.
 *
 * <p>S3 rules worth knowing: the canonical URI is the path as the client sent it (S3 neither normalises it nor
 * encodes it twice; only characters that may not appear raw are encoded); query parameters are decoded with
 * {@code +} meaning space and re-encoded; headers whose names start with {@code x-amz-acl}, {@code x-amz-grant},
 * {@code x-amz-meta-} or {@code x-amz-copy-source} must be signed. Errors are
 * {@link io.s3multi.s3.auth.S3AuthException}s carrying AWS error codes; secrets never appear in them.
 */
package io.s3multi.s3.auth;
