package io.s3multi.webapp;

import io.s3multi.webapp.s3.RawS3;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;

/**
 * tus-js-client (from the upload page's npm tree) run by Debian's Node.js on a file ({@code src/test/tus-client/
 * upload.cjs}): the upload a real tus client makes, with its own resume logic. The creation URL is presigned for
 * test:tester, as a page's backend would hand it to the client.
 */
final class TusJsClient {

    private static final Path SCRIPT = Path.of("src", "test", "tus-client", "upload.cjs");
    private static final Path MODULES = Path.of("src", "main", "upload-page", "node_modules");

    private TusJsClient() {
    }

    /** The presigned {@code POST /tus/<bucket>/} at {@code base} (the address the client talks to). */
    static String presignedCreation(URI base, String bucket) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(base)
                .encodedPath("/tus/" + bucket + "/").build();
        return RawS3.sign(unsigned, null, Clock.systemUTC(), options -> {
            options.putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(10));
            options.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING);
            options.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false);
        }).request().getUri().toString();
    }

    /** Starts the client uploading {@code file} as {@code filename}; its output goes to {@code log}. */
    static Process start(String creationUrl, Path file, String filename, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("node", SCRIPT.toString(), creationUrl, file.toString(),
                filename)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("NODE_PATH", MODULES.toAbsolutePath().toString());
        return builder.start();
    }

    /** Waits for the client to finish; its output, after asserting it succeeded. */
    static String awaitSuccess(Process client, Path log, Duration limit) throws IOException, InterruptedException {
        if (!client.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            client.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("tus-js-client did not finish within " + limit + ":\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        if (client.exitValue() != 0 || !output.contains("\"event\":\"success\"")) {
            throw new AssertionError("tus-js-client failed (exit " + client.exitValue() + "):\n" + output);
        }
        return output;
    }

    /** Writes {@code size} random bytes to a new file under target/, streaming; their SHA-256 (hex). */
    static String randomFile(Path file, long size, long seed) throws IOException {
        MessageDigest digest = sha256();
        SplittableRandom random = new SplittableRandom(seed);   // 8 bytes a call: a GiB in seconds
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.capacity()) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    buffer.putLong(random.nextLong());
                }
                int n = (int) Math.min(buffer.capacity(), left);
                digest.update(buffer.array(), 0, n);
                out.write(buffer.array(), 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 (hex) of a stream, read to its end. */
    static String sha256(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
