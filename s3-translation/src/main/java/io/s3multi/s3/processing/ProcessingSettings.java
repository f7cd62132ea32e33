package io.s3multi.s3.processing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The processing steps an upload passes before it is published (stage {@code s3multi}, settings
 * {@code processing_*}).
 *
 * @param steps           the step names in order: {@code checksum}, {@code clamav}, {@code webhook}; empty: none
 * @param clamd           clamd's TCP address (INSTREAM)
 * @param clamdTimeout    how long clamd may take to answer once the stream is sent (and to accept a chunk)
 * @param webhookUrl      where the webhook step POSTs its JSON ({@code null} unless the step is configured)
 * @param webhookAttempts how often the webhook is asked before the upload waits for a retried Complete
 * @param webhookBackoff  the first pause between attempts; it doubles each time
 * @param deleteRejected  whether a rejected upload is deleted (its parts and marker); else it is kept, not
 *                        published, for inspection (AbortMultipartUpload or the lifecycle remove it)
 */
public record ProcessingSettings(List<String> steps, InetSocketAddress clamd, Duration clamdTimeout, URI webhookUrl,
        int webhookAttempts, Duration webhookBackoff, boolean deleteRejected) {

    public static final String CHECKSUM = "checksum";
    public static final String CLAMAV = "clamav";
    public static final String WEBHOOK = "webhook";
    private static final Set<String> KNOWN = Set.of(CHECKSUM, CLAMAV, WEBHOOK);

    public ProcessingSettings {
        steps = List.copyOf(steps);
        for (String step : steps) {
            if (!KNOWN.contains(step)) {
                throw new IllegalArgumentException("unknown processing step '" + step + "' (known: checksum clamav"
                        + " webhook)");
            }
        }
        if (Set.copyOf(steps).size() != steps.size()) {
            throw new IllegalArgumentException("a processing step is named twice: " + steps);
        }
        Objects.requireNonNull(clamd, "clamd");
        Objects.requireNonNull(clamdTimeout, "clamdTimeout");
        if (steps.contains(WEBHOOK) && webhookUrl == null) {
            throw new IllegalArgumentException("the webhook step needs processing_webhook_url");
        }
        if (webhookAttempts < 1) {
            throw new IllegalArgumentException("processing_webhook_attempts must be at least 1");
        }
        Objects.requireNonNull(webhookBackoff, "webhookBackoff");
    }
}
