package io.s3multi.s3.tus;

import io.s3multi.s3.processing.BackgroundCompletions;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which tus completions run on this gateway now, and the ones that run after their request was answered
 * ({@code Prefer: respond-async}, or resumed by a HEAD). One per upload at a time here: a HEAD polled every second
 * does not start a completion while one runs. Between gateways the completion's claim keeps them apart (a second one
 * waits for it, then finds the upload finished).
 *
 * <p>A completion that failed (a step without a verdict: clamd unreachable, the webhook failing; Swift refusing) is
 * resumed by a HEAD only after a back-off, 1 s after the first failure, doubling with each failure in a row up to
 * {@link #MAX_BACKOFF}: a client polling the status URL every second must not run the completion, and the requests it
 * makes to Swift and to the steps, every second for as long as the cause lasts. A success forgets the failures.
 * The back-off is this gateway's (a HEAD at another gateway may resume at once); the PATCH that sends the last byte
 * again and a {@code Prefer: respond-async} are the client's explicit asks and are not held back.
 */
final class TusCompletions {

    /** The longest wait between two completions of an upload that keeps failing, resumed by HEADs. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    /** Failures remembered at most; beyond it, those whose back-off is over are forgotten. */
    private static final int MAX_REMEMBERED = 4096;

    private final BackgroundCompletions background;
    private final LongSupplier nanoTime;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Failures> failed = new ConcurrentHashMap<>();

    /** Failures in a row of one upload's completion, and when a HEAD may resume it again. */
    private record Failures(int count, long resumableAtNanos) {
    }

    TusCompletions(BackgroundCompletions background) {
        this(background, System::nanoTime);
    }

    TusCompletions(BackgroundCompletions background, LongSupplier nanoTime) {
        this.background = Objects.requireNonNull(background, "background");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Whether a {@code Prefer} header asks for {@code respond-async} (RFC 7240; other preferences ignored). */
    static boolean prefersAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            if (preference.split(";")[0].split("=")[0].trim().toLowerCase(Locale.ROOT).equals("respond-async")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a completion of the upload runs on this gateway now. */
    boolean isRunning(TusUploadRef upload) {
        return running.contains(name(upload));
    }

    /**
     * Runs the completion after the request was answered, unless one runs here already.
     *
     * @return false when every background thread is busy and the queue full: the caller completes synchronously
     */
    boolean inBackground(TusUploadRef upload, Runnable completion) {
        String name = name(upload);
        if (!running.add(name)) {
            return true;
        }
        boolean accepted = background.submit(name, () -> {
            try {
                remembered(name, completion).run();
            } finally {
                running.remove(name);
            }
        });
        if (!accepted) {
            running.remove(name);
        }
        return accepted;
    }

    /**
     * A HEAD's resumption: runs the completion in the background unless one runs here already or the last one here
     * failed less than its back-off ago (see the class comment).
     */
    void resumeInBackground(TusUploadRef upload, Runnable completion) {
        Failures failures = failed.get(name(upload));
        if (failures == null || nanoTime.getAsLong() - failures.resumableAtNanos() >= 0) {
            inBackground(upload, completion);
        }
    }

    /** Runs the completion now, known as running meanwhile (so that a HEAD does not start another). */
    void now(TusUploadRef upload, Runnable completion) {
        String name = name(upload);
        boolean mine = running.add(name);
        try {
            remembered(name, completion).run();
        } finally {
            if (mine) {
                running.remove(name);
            }
        }
    }

    /** The completion, its failure or success remembered for {@link #resumeInBackground}. */
    private Runnable remembered(String name, Runnable completion) {
        return () -> {
            try {
                completion.run();
            } catch (RuntimeException failure) {
                forgetOverIfFull();
                failed.compute(name, (ignored, before) -> {
                    int count = before == null ? 1 : before.count() + 1;
                    return new Failures(count, nanoTime.getAsLong() + backoff(count).toNanos());
                });
                throw failure;
            }
            failed.remove(name);
        };
    }

    /** 1 s, 2 s, 4 s, ... up to {@link #MAX_BACKOFF}, after {@code failures} failures in a row. */
    static Duration backoff(int failures) {
        int doublings = Math.min(failures - 1, 30);
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private void forgetOverIfFull() {
        if (failed.size() >= MAX_REMEMBERED) {
            long now = nanoTime.getAsLong();
            failed.values().removeIf(failures -> now - failures.resumableAtNanos() >= 0);
        }
    }

    private static String name(TusUploadRef upload) {
        return upload.bucket() + "/" + upload.key() + " (upload " + upload.uploadId().value() + ")";
    }
}
