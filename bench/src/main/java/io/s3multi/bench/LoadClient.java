package io.s3multi.bench;

import io.s3multi.bench.LoadTally.Op;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * One client of the load run: until its deadline it picks an operation of the mix at random and runs it on
 * its own keys ({@code c<id>/...}, at most {@link #MAX_KEYS} at a time, so that what the run stores stays
 * bounded). Every byte read back is compared with what was written; a mismatch counts as a failure like an
 * exception does. Its keys are deleted when it stops.
 */
final class LoadClient implements Runnable {

    /** An object this client wrote: its bytes are the payload's {@code [offset, offset + size)}. */
    private record Stored(long offset, long size) {
    }

    static final int MAX_KEYS = 6;
    static final long PART_SIZE = 5L * 1024 * 1024;

    private final int id;
    private final S3Client s3;
    private final String bucket;
    private final Payload payload;
    private final LoadTally tally;
    private final long deadlineNanos;
    private final SplittableRandom random;
    private final Map<String, Stored> keys = new HashMap<>();
    private long nextKey;

    LoadClient(int id, S3Client s3, String bucket, Payload payload, LoadTally tally, long deadlineNanos) {
        this.id = id;
        this.s3 = s3;
        this.bucket = bucket;
        this.payload = payload;
        this.tally = tally;
        this.deadlineNanos = deadlineNanos;
        this.random = new SplittableRandom(id * 7919L);
    }

    @Override
    public void run() {
        while (System.nanoTime() < deadlineNanos && !Thread.currentThread().isInterrupted()) {
            Op op = pick();
            String key = op == Op.PUT || op == Op.MULTIPART || op == Op.COPY ? newKey() : anyKey();
            try {
                tally.done(op, perform(op, key));
            } catch (Exception | AssertionError e) {
                tally.failed(op, key, e);
                keys.remove(key);  // what it holds is unknown now; never read it again
            }
        }
        for (String key : List.copyOf(keys.keySet())) {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
            } catch (RuntimeException e) {
                tally.failed(Op.DELETE, key, e);
            }
        }
    }

    private Op pick() {
        if (keys.isEmpty()) {
            return Op.PUT;
        }
        int dice = random.nextInt(100);
        Op op = dice < 22 ? Op.PUT : dice < 47 ? Op.GET : dice < 62 ? Op.RANGED_GET : dice < 65 ? Op.MULTIPART
                : dice < 73 ? Op.COPY : dice < 87 ? Op.DELETE : Op.LIST;
        boolean adds = op == Op.PUT || op == Op.MULTIPART || op == Op.COPY;
        return adds && keys.size() >= MAX_KEYS ? Op.DELETE : op;
    }

    /** Runs one operation; returns the object bytes it moved. */
    private long perform(Op op, String key) throws IOException {
        switch (op) {
            case PUT -> {
                long size = switch (random.nextInt(3)) {
                    case 0 -> random.nextInt(1024);
                    case 1 -> 64 * 1024;
                    default -> 1024 * 1024 + random.nextInt(1024);
                };
                long offset = random.nextInt(1 << 20);
                s3.putObject(b -> b.bucket(bucket).key(key),
                        RequestBody.fromContentProvider(() -> payload.stream(offset, size), size,
                                "application/octet-stream"));
                keys.put(key, new Stored(offset, size));
                return size;
            }
            case GET -> {
                Stored stored = keys.get(key);
                return read(key, stored, 0, stored.size(), null);
            }
            case RANGED_GET -> {
                Stored stored = keys.get(key);
                if (stored.size() == 0) {
                    return read(key, stored, 0, 0, null);
                }
                long first = random.nextLong(stored.size());
                long last = first + random.nextLong(stored.size() - first);
                return read(key, stored, first, last - first + 1, "bytes=" + first + "-" + last);
            }
            case MULTIPART -> {
                long offset = random.nextInt(1 << 20);
                long size = PART_SIZE + random.nextInt(256 * 1024);
                multipart(key, offset, size);
                keys.put(key, new Stored(offset, size));
                return size;
            }
            case COPY -> {
                String source = anyKey();
                s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket)
                        .destinationKey(key));
                keys.put(key, keys.get(source));
                return 0;
            }
            case DELETE -> {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
                keys.remove(key);
                return 0;
            }
            case LIST -> {
                s3.listObjectsV2(b -> b.bucket(bucket).prefix("c" + id + "/"));
                return 0;
            }
        }
        throw new IllegalStateException("no such operation " + op);
    }

    private void multipart(String key, long offset, long size) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (long start = 0, number = 1; start < size; start += PART_SIZE, number++) {
            long length = Math.min(PART_SIZE, size - start);
            long from = offset + start;
            int partNumber = (int) number;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                    RequestBody.fromContentProvider(() -> payload.stream(from, length), length,
                            "application/octet-stream")).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(u -> u.parts(parts)));
    }

    /** Reads {@code length} bytes from {@code first} (the whole object when {@code range} is null) and checks them. */
    private long read(String key, Stored stored, long first, long length, String range) throws IOException {
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(b -> b.bucket(bucket).key(key).range(range));
             InputStream expected = payload.stream(stored.offset() + first, length)) {
            byte[] got = new byte[64 * 1024];
            byte[] want = new byte[64 * 1024];
            long seen = 0;
            for (int n = body.readNBytes(got, 0, got.length); n > 0; n = body.readNBytes(got, 0, got.length)) {
                if (expected.readNBytes(want, 0, n) != n || !java.util.Arrays.equals(got, 0, n, want, 0, n)) {
                    throw new AssertionError(key + ": bytes differ at or after " + (first + seen));
                }
                seen += n;
            }
            if (seen != length) {
                throw new AssertionError(key + ": read " + seen + " bytes, expected " + length);
            }
            return seen;
        }
    }

    private String newKey() {
        return "c" + id + "/o" + nextKey++;
    }

    private String anyKey() {
        List<String> names = new ArrayList<>(keys.keySet());
        return names.isEmpty() ? newKey() : names.get(random.nextInt(names.size()));
    }
}
