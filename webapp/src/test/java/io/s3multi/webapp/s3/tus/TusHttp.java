package io.s3multi.webapp.s3.tus;

import io.s3multi.webapp.s3.RawS3;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/** Raw tus requests to a gateway, with java.net.http (which sends PATCH, and every header a test needs). */
public final class TusHttp {

    public static final String VERSION = "1.0.0";
    /** Headers java.net.http sets itself. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect");

    private final URI endpoint;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public TusHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** {@code POST /tus/<bucket>/} signed with SigV4 (Authorization header) as test:tester. */
    public HttpResponse<String> createSigned(String bucket, Map<String, String> headers, byte[] body) {
        return send(signed(bucket, headers, body, false));
    }

    /** The same POST as a presigned URL (credentials in the query). */
    HttpResponse<String> createPresigned(String bucket, Map<String, String> headers) {
        return send(signed(bucket, headers, new byte[0], true));
    }

    private HttpRequest signed(String bucket, Map<String, String> headers, byte[] body, boolean presigned) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath("/tus/" + bucket + "/");
        headers.forEach(unsigned::putHeader);
        SignedRequest signed = RawS3.sign(unsigned.build(), presigned ? null : body, Clock.systemUTC(), options -> {
            if (presigned) {
                options.putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5));
                options.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION,
                        AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING);
                options.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false);
            }
        });
        SdkHttpRequest request = signed.request();
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri())
                .method("POST", HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(60));
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /** Any request to {@code url} (absolute, or a path), with Tus-Resumable and {@code headers}. */
    HttpResponse<String> request(String method, String url, Map<String, String> headers, byte[] body) {
        URI target = url.startsWith("http") ? URI.create(url) : endpoint.resolve(url);
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Tus-Resumable", VERSION);
        all.putAll(headers);
        all.forEach((name, value) -> {
            if (value != null) {
                builder.header(name, value);
            }
        });
        return send(builder.build());
    }

    public HttpResponse<String> head(String url) {
        return request("HEAD", url, Map.of(), null);
    }

    public HttpResponse<String> patch(String url, long offset, byte[] body, Map<String, String> more) {
        Map<String, String> headers = new LinkedHashMap<>(more);
        headers.putIfAbsent("Content-Type", "application/offset+octet-stream");
        headers.put("Upload-Offset", Long.toString(offset));
        return request("PATCH", url, headers, body);
    }

    HttpResponse<String> patch(String url, long offset, byte[] body) {
        return patch(url, offset, body, Map.of());
    }

    /** A signed creation of an upload of {@code length} bytes; its URL. */
    public String create(String bucket, long length, Map<String, String> more) {
        Map<String, String> headers = new LinkedHashMap<>(more);
        headers.put("Tus-Resumable", VERSION);
        headers.put("Upload-Length", Long.toString(length));
        HttpResponse<String> created = createSigned(bucket, headers, new byte[0]);
        if (created.statusCode() != 201) {
            throw new AssertionError("creation answered " + created.statusCode() + ": " + created.body());
        }
        return created.headers().firstValue("Location").orElseThrow();
    }

    static long offset(HttpResponse<?> response) {
        return Long.parseLong(response.headers().firstValue("Upload-Offset").orElseThrow());
    }

    public static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    static List<String> all(HttpResponse<?> response, String name) {
        return response.headers().allValues(name);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static Map<String, String> headers(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** The configuration of a gateway with tus in its pipeline. */
    public static java.util.Properties configuration() {
        java.util.Properties properties = S3TestGateway.configuration();
        properties.setProperty("pipeline", S3TestGateway.PIPELINE.replace("tempauth", "tempauth tus"));
        properties.setProperty("filter.tus.swift_url", S3TestGateway.SWIFT_URL);
        properties.setProperty("filter.tus.piece_size", Integer.toString(1 << 20));
        return properties;
    }
}
