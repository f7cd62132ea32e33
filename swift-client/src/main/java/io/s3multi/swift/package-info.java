/**
 * The Swift API over Jetty HttpClient, streaming both ways: what the gateway uses to store S3 buckets,
 * objects and multipart uploads in OpenStack Swift.
 *
 * <h2>Shape</h2>
 * <pre>
 * SwiftBackend backend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create("http://127.0.0.1:8081")));
 * SwiftAccount account = backend.account(backend.tempAuth("test:tester", "testing"));
 * account.containers().create("photos", SwiftHeaders.empty());
 * account.objects().put("photos", "2024/cat.jpg", in, length, SwiftHeaders.of("Content-Type", "image/jpeg"));
 * try (SwiftResponse cat = account.objects().get("photos", "2024/cat.jpg", SwiftHeaders.of("Range", "bytes=0-99"))) {
 *     cat.body().transferTo(out);
 * }
 * account.containers().listAllObjects("photos", ListingQuery.all().withPrefix("2024/")).stream()...
 * backend.close();
 * </pre>
 *
 * <ul>
 *   <li>{@link io.s3multi.swift.SwiftBackend}: one per Swift cluster; owns the pooled HTTP client, the
 *       token caches and the {@code /info} limits;</li>
 *   <li>{@link io.s3multi.swift.SwiftAccount}: one account as one identity sees it; hands out
 *       {@link io.s3multi.swift.object.SwiftObjects}, {@link io.s3multi.swift.container.SwiftContainers},
 *       {@link io.s3multi.swift.slo.SwiftLargeObjects} and {@link io.s3multi.swift.bulk.SwiftBulkDelete};</li>
 *   <li>{@link io.s3multi.swift.auth}: where tokens come from ({@link io.s3multi.swift.auth.TokenSource};
 *       tempauth now, Keystone can plug in) and the one-refresh-one-retry rule for 401;</li>
 *   <li>{@link io.s3multi.swift.http}: the transport: requests, bodies, answers, aborts;</li>
 *   <li>{@link io.s3multi.swift.error}: the few exception types every failure becomes.</li>
 * </ul>
 *
 * <h2>Rules this module keeps</h2>
 * <ul>
 *   <li><b>Names</b> are encoded in one place, {@link io.s3multi.swift.SwiftNameEncoder}: UTF-8, every byte
 *       outside RFC 3986 unreserved percent-encoded, {@code /} kept inside object names only.</li>
 *   <li><b>Bodies stream.</b> Uploads are read from an {@code InputStream} as the socket takes them and
 *       sent with {@code Content-Length} when the length is known; downloads are handed out as an
 *       {@code InputStream} while they arrive. Only small documents (manifests, listings pages, bulk-delete
 *       lists) are held in memory.</li>
 *   <li><b>An upload can be stopped so that Swift stores nothing</b>: the body stream throws (its end is
 *       read before its final bytes are sent, so a stream that verifies a digest at its end still can), or
 *       another thread raises the request's {@link io.s3multi.swift.http.AbortSignal}. Either way the
 *       caller gets a {@link io.s3multi.swift.error.SwiftUploadAbortedException}.</li>
 *   <li><b>Nothing fails quietly.</b> A body that ends short throws from {@code read}; a silent connection
 *       fails after the idle timeout; no thread waits without bound; every failure is a
 *       {@link io.s3multi.swift.error.SwiftException} subclass.</li>
 *   <li><b>Bytes pass unchanged.</b> No redirects, cookies, content decoding, default content type or user
 *       agent: what the caller sends is what Swift gets, and what Swift answers is what the caller sees.</li>
 *   <li><b>Copies stay in Swift</b> ({@code X-Copy-From}, optionally with {@code Range}).</li>
 * </ul>
 */
package io.s3multi.swift;
