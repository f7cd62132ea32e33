package io.s3multi.filters.proxyserver;

import io.s3multi.filters.pipeline.RawPath;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.request.BucketNames;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a bucket's ACL change made with the native Swift API to its {@code <bucket>_segments} container.
 *
 * <p>Multipart objects read their bytes from the segments container, which Swift guards with its own ACLs. When a
 * {@code PUT} or {@code POST} of a container whose name is an S3 bucket name succeeds and sets or removes
 * {@code X-Container-Read} or {@code X-Container-Write}, the same headers are POSTed, with the client's own token,
 * to {@code <container>_segments}, before the client gets its answer: a user the bucket no longer admits cannot
 * read any multipart object's segments. A bucket without a segments container (404) or a token that may not
 * change it (403) leaves nothing to do; other failures are logged, and the next CreateMultipartUpload or
 * CompleteMultipartUpload of the bucket mirrors the ACLs again.
 */
final class SegmentsAclMirror {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentsAclMirror.class);
    private static final List<String> ACL_HEADERS = List.of("x-container-read", "x-container-write",
            "x-remove-container-read", "x-remove-container-write");
    private static final List<String> AUTH_HEADERS = List.of("X-Auth-Token", "X-Service-Token");

    private final BackendClient backend;
    private final ProxyServerConfig config;

    SegmentsAclMirror(BackendClient backend, ProxyServerConfig config) {
        this.backend = backend;
        this.config = config;
    }

    /** Called once Swift answered {@code status} to {@code request}, before the answer goes to the client. */
    void afterContainerUpdate(HttpServletRequest request, int status) {
        String method = request.getMethod();
        if (status / 100 != 2 || !(method.equals("POST") || method.equals("PUT"))) {
            return;
        }
        String segmentsPath = segmentsPathOf(RawPath.of(request));
        if (segmentsPath == null || !changesAcl(request)) {
            return;
        }
        Request post = backend.newRequest(HttpMethod.POST.asString(), segmentsPath)
                .timeout(config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> {
                    for (String name : ACL_HEADERS) {
                        String value = request.getHeader(name);
                        if (value != null) {
                            headers.put(name, value);
                        }
                    }
                    for (String name : AUTH_HEADERS) {
                        String value = request.getHeader(name);
                        if (value != null) {
                            headers.put(name, value);
                        }
                    }
                });
        try {
            ContentResponse answer = post.send();
            int mirrored = answer.getStatus();
            if (mirrored / 100 != 2 && mirrored != 404 && mirrored != 403) {
                LOG.warn("Swift answered {} to mirroring the ACLs of {} to its segments container", mirrored,
                        segmentsPath);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("cannot mirror the ACLs of {} to its segments container: {}", segmentsPath, e.toString());
        }
    }

    private static boolean changesAcl(HttpServletRequest request) {
        return ACL_HEADERS.stream().anyMatch(name -> request.getHeader(name) != null);
    }

    /** {@code /v1/<account>/<bucket>_segments} for {@code /v1/<account>/<bucket>}, else null. */
    static String segmentsPathOf(String rawPath) {
        String[] parts = rawPath.split("/", -1);
        if (parts.length != 4 || !parts[0].isEmpty() || !parts[1].equals("v1") || parts[2].isEmpty()) {
            return null;
        }
        // A valid bucket name needs no percent-encoding: the raw segment is the name.
        if (!BucketNames.isValid(parts[3])) {
            return null;
        }
        return "/v1/" + parts[2] + "/" + SegmentsLayout.container(parts[3]);
    }
}
