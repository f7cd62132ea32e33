package io.s3multi.s3.tus;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One PATCH per upload at a time within this gateway: the second is answered 423 Locked when the first does not
 * end within a short wait (the wait lets a client that resumes at once, after a connection it saw break, in while
 * the gateway is still noticing the break). Between gateways the segment listing decides ({@link PatchWriter}).
 */
final class PatchLocks {

    /** A lock and how many requests hold or wait for it; gone from the map when none does. */
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();
    private final Duration patience;

    PatchLocks(Duration patience) {
        this.patience = patience;
    }

    /** The lock of {@code upload}, held until closed; empty when another request kept it past the wait. */
    Optional<AutoCloseable> tryLock(TusUploadRef upload) {
        String name = upload.bucket() + "/" + upload.uploadId().value();
        Entry entry = locks.compute(name, (n, found) -> {
            Entry used = found == null ? new Entry() : found;
            used.users++;
            return used;
        });
        boolean held = false;
        try {
            held = entry.lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!held) {
            release(name);
            return Optional.empty();
        }
        return Optional.of(() -> {
            entry.lock.unlock();
            release(name);
        });
    }

    private void release(String name) {
        locks.computeIfPresent(name, (n, entry) -> --entry.users == 0 ? null : entry);
    }
}
