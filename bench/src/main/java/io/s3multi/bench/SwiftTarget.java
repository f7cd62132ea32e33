package io.s3multi.bench;

import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.swift.slo.SloSegment;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swift itself, through the project's swift-client: the physical limit any gateway in front of the same
 * Swift proxy can reach. A multipart object is uploaded the way a native Swift client does it: segments
 * in {@code <container>_segments}, {@code parallel} at once, then one SLO manifest.
 */
final class SwiftTarget implements BenchTarget {

    private static final Logger LOG = LoggerFactory.getLogger(SwiftTarget.class);

    private final String name;
    private final SwiftAccount account;
    private final String container;
    private final String segments;
    private final ProcessGroup proxy;

    SwiftTarget(String name, SwiftAccount account, String container, ProcessGroup proxy) {
        this.name = name;
        this.account = account;
        this.container = container;
        this.segments = container + "_segments";
        this.proxy = proxy;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProcessGroup gateway() {
        return ProcessGroup.none();
    }

    @Override
    public ProcessGroup proxy() {
        return proxy;
    }

    @Override
    public void prepare() throws SwiftException {
        account.containers().create(container, SwiftHeaders.empty());
        account.containers().create(segments, SwiftHeaders.empty());
    }

    @Override
    public void uploadMultipart(String key, Payload payload, long size, long partSize, ExecutorService parallel)
            throws Exception {
        List<Future<SloSegment>> pending = new ArrayList<>();
        for (PartPlan part : PartPlan.of(size, partSize)) {
            String segment = String.format("%s/%05d", key, part.number());
            pending.add(parallel.submit(() -> {
                try (InputStream body = payload.stream(part.offset(), part.length())) {
                    String etag = account.objects()
                            .put(segments, segment, body, part.length(), SwiftHeaders.empty()).etag();
                    return SloSegment.of(new ObjectPath(segments, segment), etag, part.length());
                }
            }));
        }
        List<SloSegment> manifest = new ArrayList<>();
        for (Future<SloSegment> f : pending) {
            manifest.add(f.get());
        }
        account.largeObjects().putManifest(container, key, manifest, SwiftHeaders.empty());
    }

    @Override
    public InputStream open(String key) throws SwiftException {
        SwiftResponse response = account.objects().get(container, key, SwiftHeaders.empty());
        return new FilterInputStream(response.body()) {
            @Override
            public void close() {
                response.close();
            }
        };
    }

    @Override
    public void put(String key, byte[] body) throws SwiftException {
        account.objects().put(container, key, body, SwiftHeaders.empty());
    }

    @Override
    public void get(String key) throws Exception {
        try (SwiftResponse response = account.objects().get(container, key, SwiftHeaders.empty())) {
            response.body().transferTo(OutputStream.nullOutputStream());
        }
    }

    @Override
    public void head(String key) throws SwiftException {
        account.objects().head(container, key, SwiftHeaders.empty());
    }

    @Override
    public void delete(String key) throws SwiftException {
        account.largeObjects().deleteWithSegments(container, key);
    }

    @Override
    public void close() {
        SwiftSweeper.removeContainers(account, List.of(container, segments), LOG);
    }
}
