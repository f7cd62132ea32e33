package io.s3multi.filters.proxyserver;

import io.s3multi.s3.contract.BucketLockConfiguration;
import io.s3multi.s3.contract.ObjectLockState;
import io.s3multi.s3.version.BucketVersioning;
import io.s3multi.swift.SwiftHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.http.HttpField;

/**
 * Keeps the native Swift API, as this gateway forwards it, from destroying what S3 Object Lock protects.
 *
 * <p>In a container with Object Lock ({@link BucketLockConfiguration}) a {@code DELETE}, {@code PUT} or {@code POST}
 * of an object whose version (the current one, or {@code ?version-id=}) shows a lock that holds (a legal hold or a
 * retention whose date has not passed, in either mode: the native API has no governance bypass) is refused with
 * 403 before Swift sees it: a DELETE would destroy it, a POST would replace (and so drop) its lock metadata, a PUT
 * overwrites it. A container {@code POST} or {@code PUT} that would switch versioning off such a container is
 * refused too. The look costs a {@code HEAD} of the container, at most once per {@link #TTL_SECONDS} per container
 * (a container without Object Lock costs nothing more), and a {@code HEAD} of the object in a container with it,
 * both with the client's own token. Swift itself, reached without this gateway, still deletes locked objects
 * (docs/OBJECT-LOCK.md).
 */
final class LockedObjectGuard {

    static final long TTL_SECONDS = 5;
    private static final int MAX_CONTAINERS = 10_000;
    private static final List<String> AUTH_HEADERS = List.of("X-Auth-Token", "X-Service-Token");
    private static final List<String> GUARDED_METHODS = List.of("DELETE", "PUT", "POST");

    private final BackendClient backend;
    private final ProxyServerConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Known> containers = new ConcurrentHashMap<>();

    LockedObjectGuard(BackendClient backend, ProxyServerConfig config, Clock clock) {
        this.backend = backend;
        this.config = config;
        this.clock = clock;
    }

    /** Why the request is refused (403), or {@code null} to forward it. */
    String refusal(HttpServletRequest request, String rawPath) throws InterruptedException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (!GUARDED_METHODS.contains(method)) {
            return null;
        }
        String[] parts = rawPath.split("/", 5);
        if (parts.length < 4 || !parts[1].equals("v1") || parts[2].isEmpty() || parts[3].isEmpty()) {
            return null;
        }
        String containerPath = "/v1/" + parts[2] + "/" + parts[3];
        boolean object = parts.length == 5 && !parts[4].isEmpty();
        if (!object && (method.equals("DELETE") || !switchesVersioningOff(request))) {
            return null;
        }
        if (!locked(request, containerPath)) {
            return null;
        }
        if (!object) {
            return "This container has S3 Object Lock: its versioning cannot be switched off.\n";
        }
        SwiftHeaders version = head(request, rawPath + versionQuery(request));
        if (version == null) {
            return null;
        }
        ObjectLockState state = ObjectLockState.of(version);
        if (state.legalHold() || state.retainedAt(clock.instant())) {
            return "This object is protected by S3 Object Lock (a retention or a legal hold): it cannot be deleted,"
                    + " overwritten or changed through this gateway.\n";
        }
        return null;
    }

    private boolean locked(HttpServletRequest request, String containerPath) throws InterruptedException {
        Known known = containers.get(containerPath);
        if (known != null && System.nanoTime() - known.readAtNanos() < TimeUnit.SECONDS.toNanos(TTL_SECONDS)) {
            return known.locked();
        }
        SwiftHeaders container = head(request, containerPath);
        if (container == null) {
            return false;   // Swift will answer the request itself (404, 401, ...)
        }
        boolean locked = BucketLockConfiguration.of(container).enabled();
        if (containers.size() >= MAX_CONTAINERS) {
            containers.clear();
        }
        containers.put(containerPath, new Known(locked, System.nanoTime()));
        return locked;
    }

    private static boolean switchesVersioningOff(HttpServletRequest request) {
        String enabled = request.getHeader(BucketVersioning.SWIFT_HEADER);
        return (enabled != null && !enabled.strip().equalsIgnoreCase("true"))
                || request.getHeader("X-Remove-" + BucketVersioning.SWIFT_HEADER) != null;
    }

    /** {@code ?version-id=<id>} when the request names a version, else nothing. */
    private static String versionQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("version-id=")) {
                return "?" + pair;
            }
        }
        return "";
    }

    /** The headers of a HEAD with the client's token; {@code null} when Swift did not answer 2xx. */
    private SwiftHeaders head(HttpServletRequest request, String rawTarget) throws InterruptedException {
        try {
            ContentResponse answer = backend.newRequest("HEAD", rawTarget)
                    .timeout(config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .headers(headers -> AUTH_HEADERS.forEach(name -> {
                        String value = request.getHeader(name);
                        if (value != null) {
                            headers.put(name, value);
                        }
                    }))
                    .send();
            if (answer.getStatus() / 100 != 2) {
                return null;
            }
            SwiftHeaders.Builder headers = SwiftHeaders.builder();
            for (HttpField field : answer.getHeaders()) {
                headers.add(field.getName(), field.getValue());
            }
            return headers.build();
        } catch (ExecutionException | TimeoutException unreachable) {
            return null;   // the request itself will meet the same failure and answer it
        }
    }

    /** Whether a container has Object Lock, as read at {@code readAtNanos}. */
    private record Known(boolean locked, long readAtNanos) {
    }
}
