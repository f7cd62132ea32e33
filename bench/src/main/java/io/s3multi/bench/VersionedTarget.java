package io.s3multi.bench;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Another target's bucket with versioning enabled: every PUT keeps the object it replaces as a version, every
 * DELETE writes a delete marker. Versioning is Swift's object versioning on the bucket's container
 * ({@code X-Versions-Enabled: true}), switched on by the benchmark's Swift account after the bucket is made, for
 * every target alike: it is what PutBucketVersioning does in Swift's s3api and in s3multi, and what a native Swift
 * client sets. Only the small-object suite runs these targets.
 */
final class VersionedTarget implements BenchTarget {

    /** The suffix of a versioned target's name: {@code s3multi-versioned} is {@code s3multi} on a versioned bucket. */
    static final String SUFFIX = "-versioned";

    private static final Logger LOG = LoggerFactory.getLogger(VersionedTarget.class);

    private final BenchTarget unversioned;
    private final SwiftAccount account;
    private final String container;

    /**
     * @param unversioned the target, named with {@link #SUFFIX}, working in {@code container}
     * @param account     the Swift account that holds {@code container}
     */
    VersionedTarget(BenchTarget unversioned, SwiftAccount account, String container) {
        this.unversioned = unversioned;
        this.account = account;
        this.container = container;
    }

    /** The container (bucket) the target works in. */
    String container() {
        return container;
    }

    static boolean isVersioned(String targetName) {
        return targetName.endsWith(SUFFIX);
    }

    @Override
    public String name() {
        return unversioned.name();
    }

    @Override
    public ProcessGroup gateway() {
        return unversioned.gateway();
    }

    @Override
    public ProcessGroup proxy() {
        return unversioned.proxy();
    }

    @Override
    public void prepare() throws Exception {
        unversioned.prepare();
        account.containers().post(container, SwiftHeaders.of("X-Versions-Enabled", "true"));
    }

    @Override
    public void uploadMultipart(String key, Payload payload, long size, long partSize, ExecutorService parallel)
            throws Exception {
        unversioned.uploadMultipart(key, payload, size, partSize, parallel);
    }

    @Override
    public InputStream open(String key) throws Exception {
        return unversioned.open(key);
    }

    @Override
    public void put(String key, byte[] body) throws Exception {
        unversioned.put(key, body);
    }

    @Override
    public void get(String key) throws Exception {
        unversioned.get(key);
    }

    @Override
    public void head(String key) throws Exception {
        unversioned.head(key);
    }

    @Override
    public void delete(String key) throws Exception {
        unversioned.delete(key);
    }

    /** Deletes every version first: Swift refuses to delete a container that still holds versions. */
    @Override
    public void close() {
        SwiftSweeper.removeVersions(account, container, LOG);
        unversioned.close();
    }
}
