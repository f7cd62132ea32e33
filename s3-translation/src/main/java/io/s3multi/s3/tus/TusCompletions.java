package io.s3multi.s3.tus;

import io.s3multi.s3.processing.BackgroundCompletions;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tus completions run on this gateway now, and the ones that run after their request was answered
 * ({@code Prefer: respond-async}, or resumed by a HEAD). One per upload at a time here: a HEAD polled every second
 * does not start a completion while one runs. Between gateways the completion's claim keeps them apart (a second one
 * waits for it, then finds the upload finished).
 */
final class TusCompletions {

    private final BackgroundCompletions background;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    TusCompletions(BackgroundCompletions background) {
        this.background = Objects.requireNonNull(background, "background");
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
                completion.run();
            } finally {
                running.remove(name);
            }
        });
        if (!accepted) {
            running.remove(name);
        }
        return accepted;
    }

    /** Runs the completion now, known as running meanwhile (so that a HEAD does not start another). */
    void now(TusUploadRef upload, Runnable completion) {
        String name = name(upload);
        boolean mine = running.add(name);
        try {
            completion.run();
        } finally {
            if (mine) {
                running.remove(name);
            }
        }
    }

    private static String name(TusUploadRef upload) {
        return upload.bucket() + "/" + upload.key() + " (upload " + upload.uploadId().value() + ")";
    }
}
