/**
 * The S3 integration-test harness: the whole gateway in this JVM, in front of the real dev Swift, driven by
 * real clients.
 *
 * <h2>Writing a test</h2>
 * <pre>{@code
 * class BucketIT extends S3IntegrationTest {
 *     @Test
 *     void createdBucketIsAContainer() throws Exception {
 *         String bucket = uniqueBucket();                 // deleted after the test, directly in Swift
 *         s3().createBucket(b -> b.bucket(bucket));        // AWS SDK v2, default settings, test:tester
 *         assertEquals(204, swift().containers().head(bucket).status());   // what Swift really has
 *         ToolResult cli = tools().aws("s3api", "head-bucket", "--bucket", bucket);   // Debian's awscli
 *         assertTrue(cli.succeeded(), cli.describe());
 *     }
 * }
 * }</pre>
 * Name the class {@code *IT}: failsafe runs it in {@code mvn verify} and passes {@code swift.url}. When the dev
 * Swift is not reachable the class fails at start (it never skips); start it with {@code dev/swift start}.
 *
 * <h2>What {@link io.s3multi.webapp.s3.S3IntegrationTest} gives</h2>
 * <ul>
 *   <li>once per test class, an {@link io.s3multi.webapp.s3.S3TestGateway}: {@code S3MultiServer} on a free
 *       loopback port with the pipeline {@value io.s3multi.webapp.s3.S3TestGateway#PIPELINE}; tempauth users
 *       {@code test:tester/testing} ({@code .admin}, account AUTH_test), {@code test2:tester2/testing2}
 *       ({@code .admin}, AUTH_test2) and {@code test:tester3/testing3} (no {@code .admin}); the bucket registry
 *       user {@code s3multi:registry} with the dev cluster's random key ({@code DevRegistryKey}); Swift at system property {@code swift.url}
 *       (default {@code http://127.0.0.1:8081}). {@link io.s3multi.webapp.s3.S3TestGateway#configuration()} is
 *       that configuration, to start a variant with {@code S3TestGateway.start(properties)};</li>
 *   <li>{@code s3()}: an {@code S3Client} for test:tester with the SDK's DEFAULT settings (only endpoint, region
 *       us-east-1, path style and static credentials are set), so uploads are aws-chunked with a CRC32 trailer
 *       as real users send them; {@code s3(accessKey, secret)} for other users (one client per credentials,
 *       reused; the harness closes them, tests must not); {@code gateway().s3(key, secret, builder -> ...)} for a
 *       new client with settings changed deliberately;</li>
 *   <li>{@code presigner()}: an {@code S3Presigner} for test:tester (path style);</li>
 *   <li>{@code swift()}: test:tester's Swift account through swift-client, not through the gateway, to assert
 *       what Swift stored; {@code gateway().swift(user, key)} for others;</li>
 *   <li>{@code uniqueBucket()}: a fresh name, cleaned up after the test with its {@code <bucket>_segments}
 *       container in the accounts of test and test2 ({@code gateway().deleteBucketDirectly(bucket)} does it by
 *       hand, {@code S3TestGateway.deleteContainer(account, container)} for any container);</li>
 *   <li>{@code uri(pathAndQuery)}: the gateway URL of a raw path, for hand-made requests;</li>
 *   <li>{@code tools()} / {@code tools(key, secret)}: {@link io.s3multi.webapp.s3.S3Tools}, running
 *       {@code /usr/bin/aws}, {@code /usr/bin/python3} with boto3 (a script string, after a prelude that defines
 *       {@code s3_client(**config)}) and {@code /usr/bin/curl}, each with a timeout, returning a
 *       {@link io.s3multi.webapp.s3.ToolResult} (exit code, stdout, stderr).</li>
 * </ul>
 *
 * <h2>Rules</h2>
 * Every test uses its own buckets, asserts on bytes and on what Swift stored, and leaves nothing behind.
 */
package io.s3multi.webapp.s3;
