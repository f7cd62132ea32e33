package io.s3multi.bench;

import java.io.InputStream;
import java.util.concurrent.ExecutorService;

/**
 * One way of storing objects that the suites compare: an S3 endpoint through the AWS SDK, or Swift
 * directly. Each target works in a bucket (container) of its own, created by {@link #prepare} and removed
 * with everything in it by {@link #close}.
 */
interface BenchTarget extends AutoCloseable {

    /** The name in the table and the JSON lines. */
    String name();

    /** The processes that do the gateway's work for this target (none for direct Swift). */
    ProcessGroup gateway();

    /** The Swift proxy processes this target's requests pass through, when they are not the gateway. */
    ProcessGroup proxy();

    void prepare() throws Exception;

    /** Uploads {@code size} bytes of {@code payload} as parts of {@code partSize}, {@code parallel} at once. */
    void uploadMultipart(String key, Payload payload, long size, long partSize, ExecutorService parallel)
            throws Exception;

    /** The object's body, streamed; the caller closes it. */
    InputStream open(String key) throws Exception;

    void put(String key, byte[] body) throws Exception;

    /** Reads the whole body and drops it. */
    void get(String key) throws Exception;

    void head(String key) throws Exception;

    void delete(String key) throws Exception;

    /** Removes everything the target created, best effort. */
    @Override
    void close();
}
