package io.s3multi.webapp.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Hand-made S3 requests, for what no well-behaved client sends: a request signed with a skewed clock, an aws-chunked
 * body with a flipped byte, a body cut short. Signing uses the AWS SDK's own SigV4 signer (configured as its S3
 * client configures it), so the gateway is checked against an independent implementation; sending uses a plain
 * socket, so every byte on the wire is the test's choice.
 *
 * <pre>{@code
 * SdkHttpRequest put = RawS3.put(gateway.endpoint(), "/bucket/key", payload.length);
 * SignedRequest signed = RawS3.sign(put, payload, Clock.systemUTC(), o -> o
 *         .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true));
 * byte[] wire = RawS3.body(signed);
 * wire[200] ^= 1;
 * RawResponse answer = RawS3.send(gateway.port(), signed.request(), wire, wire.length, false);
 * }</pre>
 */
public final class RawS3 {

    private RawS3() {
    }

    /** Sends an XML body (signed, optionally with its Content-MD5) to the gateway: a malformed one, say. */
    public static RawResponse sendXml(S3TestGateway gateway, SdkHttpMethod method, String path, String query,
            String xml, boolean withMd5) throws NoSuchAlgorithmException {
        return sendXml(gateway.port(), gateway.endpoint(), method, path, query, xml, withMd5);
    }

    /** A PUT of {@code length} payload bytes to a raw (already encoded) path. */
    public static SdkHttpRequest put(URI endpoint, String encodedPath, long length) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(endpoint)
                .encodedPath(encodedPath).putHeader("Content-Length", Long.toString(length)).build();
    }

    /**
     * Sends an XML body signed as test:tester (payload hash signed, Content-MD5 when asked) to {@code path} with
     * one valueless query parameter ({@code query}, none when empty).
     */
    public static RawResponse sendXml(int port, URI endpoint, SdkHttpMethod method, String path, String query,
            String xml, boolean withMd5) throws NoSuchAlgorithmException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        var request = SdkHttpRequest.builder().method(method).uri(endpoint).encodedPath(path)
                .putHeader("Content-Length", Integer.toString(body.length))
                .putHeader("Content-Type", "application/xml");
        if (!query.isEmpty()) {
            request.putRawQueryParameter(query, (String) null);
        }
        if (withMd5) {
            request.putHeader("Content-MD5",
                    Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body)));
        }
        SignedRequest signed = sign(request.build(), body, Clock.systemUTC(),
                o -> o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        return send(port, signed.request(), body, body.length, true);
    }

    /** A GET of a raw (already encoded) path. */
    public static SdkHttpRequest get(URI endpoint, String encodedPath) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(endpoint)
                .encodedPath(encodedPath).build();
    }

    /** Signs as test:tester. */
    public static SignedRequest sign(SdkHttpRequest request, byte[] payload, Clock clock,
            Consumer<SignRequest.Builder<AwsCredentialsIdentity>> options) {
        return sign(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY, request, payload, clock, options);
    }

    /**
     * Signs with SigV4 for S3 in us-east-1 at the time of {@code clock}; {@code options} adds signer properties
     * (chunk encoding, checksum algorithm, payload signing, presigning ...).
     */
    public static SignedRequest sign(String accessKey, String secret, SdkHttpRequest request, byte[] payload,
            Clock clock, Consumer<SignRequest.Builder<AwsCredentialsIdentity>> options) {
        return AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create(accessKey, secret))
                    .request(request)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, S3TestGateway.REGION)
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock);
            if (payload != null) {
                r.payload(ContentStreamProvider.fromByteArray(payload));
            }
            options.accept(r);
        });
    }

    /**
     * A PUT of {@code payload} to {@code encodedPath} signed now as the AWS SDK sends it by default: an aws-chunked
     * body with a CRC32 trailer; {@code signedPayload} false asks for an unsigned payload (the SDK signs it anyway
     * over http).
     */
    public static SignedRequest signChunkedWithCrc32Trailer(URI endpoint, String encodedPath, byte[] payload,
            boolean signedPayload) {
        return sign(put(endpoint, encodedPath, payload.length), payload, Clock.systemUTC(), o -> o
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, signedPayload)
                .putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32));
    }

    /** The bytes the signed request's body consists of on the wire (aws-chunked framing included). */
    public static byte[] body(SignedRequest signed) {
        if (signed.payload().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = signed.payload().get().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code request}'s head with {@code Content-Length: contentLength} (replacing any the request has) and
     * then {@code body}, on a fresh connection; with {@code halfClose} the sending side is shut down after the
     * body, so a server waiting for more sees the end of the stream instead of waiting for its idle timeout.
     * Reads the whole answer (the request says {@code Connection: close}); a connection that ends without an
     * answer gives status -1.
     */
    public static RawResponse send(int port, SdkHttpRequest request, byte[] body, long contentLength,
            boolean halfClose) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head(request, contentLength));
                out.write(body);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException serverClosedEarly) {
                // The server may answer and close before taking the whole body; read what it said.
            }
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 60 s (the gateway hangs)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code request}'s head on the wire, with {@code Content-Length: contentLength} and {@code Connection: close}. */
    public static byte[] head(SdkHttpRequest request, long contentLength) {
        var head = new StringBuilder();
        head.append(request.method().name()).append(' ').append(request.encodedPath());
        request.encodedQueryParameters().ifPresent(query -> head.append('?').append(query));
        head.append(" HTTP/1.1\r\n");
        head.append("Host: ").append(request.host()).append(':').append(request.port()).append("\r\n");
        request.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads a whole answer until the server closes the connection; status -1 when none came. */
    public static RawResponse read(InputStream in) throws IOException {
        var buffer = new ByteArrayOutputStream();
        try {
            in.transferTo(buffer);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException connectionReset) {
            // keep what arrived before the reset
        }
        String response = buffer.toString(StandardCharsets.UTF_8);
        int headEnd = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.1 ") || headEnd < 0) {
            return new RawResponse(-1, Map.of(), response);
        }
        String[] lines = response.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    n -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        String body = response.substring(headEnd + 4);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        return new RawResponse(status, headers, encoding.contains("chunked") ? dechunk(body) : body);
    }

    private static String dechunk(String body) {
        var plain = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            plain.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return plain.toString();
    }
}
