package io.s3multi.s3.tus;

import io.s3multi.s3.contract.StoredPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How far a tus upload is, from what Swift lists in {@code <bucket>_segments}: the parts 1, 2, 3, ... without a
 * gap, the oldest attempt of each, their sizes summed. Nothing is kept anywhere else, so any gateway computes the
 * same offset, after a restart too.
 *
 * <p>Why a lagging listing is safe: a part it does not show yet ends the run early, so the offset can only come out
 * smaller; the client resends from there, and what it sends is stored as a newer attempt of that part, which the run
 * of oldest attempts never takes. Stopping at a gap means there is never a hole.
 *
 * @param offset   the bytes stored: the tus {@code Upload-Offset}
 * @param parts    the parts that make it up, in order, one attempt each
 * @param nextPart the part number the next bytes are stored as
 */
public record TusProgress(long offset, List<StoredPart> parts, int nextPart) {

    public TusProgress {
        parts = List.copyOf(parts);
    }

    /** @param attempts every stored attempt by part number, oldest first (as {@code UploadState.allAttempts}) */
    public static TusProgress of(Map<Integer, List<StoredPart>> attempts) {
        List<StoredPart> run = new ArrayList<>();
        long offset = 0;
        int number = 1;
        while (attempts.containsKey(number) && !attempts.get(number).isEmpty()) {
            StoredPart oldest = attempts.get(number).get(0);
            run.add(oldest);
            offset += oldest.size();
            number++;
        }
        return new TusProgress(offset, run, number);
    }

    /** Whether {@code segment} is one of the parts that count. */
    public boolean counts(String segment) {
        return parts.stream().anyMatch(part -> part.segment().equals(segment));
    }
}
