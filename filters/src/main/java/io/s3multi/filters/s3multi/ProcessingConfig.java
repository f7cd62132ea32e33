package io.s3multi.filters.s3multi;

import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;
import io.s3multi.s3.processing.ProcessingSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The {@code processing_*} settings of stage {@code s3multi}: the steps an upload passes before it is published. */
final class ProcessingConfig {

    static final Setting<List<String>> STEPS = new Setting<>("processing_steps", "",
            text -> text.isBlank() ? List.of() : Arrays.asList(text.trim().split("[\\s,]+")),
            "The steps every completed multipart upload (S3 CompleteMultipartUpload, the end of a tus upload) passes"
            + " before its object appears at its key, in order, separated by spaces: checksum (re-reads the"
            + " object and checks every part's MD5 and checksum and a full-object checksum), clamav (a scan by"
            + " clamd's INSTREAM), webhook (an HTTP service answers continue/abort/delete/retry; see"
            + " docs/PROCESSING.md). Empty: none, objects are published at once.");
    static final Setting<InetSocketAddress> CLAMD_ADDRESS = new Setting<>("processing_clamd_address",
            "127.0.0.1:3310", ProcessingConfig::hostAndPort,
            "host:port of the ClamAV daemon (TCPSocket) the clamav step streams the object to.");
    static final Setting<Duration> CLAMD_TIMEOUT = Setting.seconds("processing_clamd_timeout", "120",
            "Seconds clamd may take to accept a chunk or to answer once the whole object is sent.");
    static final Setting<String> WEBHOOK_URL = Setting.text("processing_webhook_url", "",
            "The http(s) URL the webhook step POSTs its JSON to (required when the step is configured).");
    static final Setting<Integer> WEBHOOK_ATTEMPTS = Setting.integer("processing_webhook_attempts", "5", 1, 100,
            "How often the webhook is asked (failures and retry answers) before the Complete answers"
            + " ServiceUnavailable; the upload then stays unpublished and a retried Complete asks again.");
    static final Setting<Duration> WEBHOOK_BACKOFF = Setting.seconds("processing_webhook_backoff", "1",
            "Seconds before the webhook's second attempt; each further pause doubles (a retry answer's"
            + " retryAfter wins).");
    static final Setting<Boolean> REJECTED = new Setting<>("processing_rejected", "keep",
            text -> switch (text.toLowerCase(Locale.ROOT)) {
                case "keep" -> false;
                case "delete" -> true;
                default -> throw new IllegalArgumentException("is neither keep nor delete");
            },
            "What happens to an upload a step rejected: keep (not published; its parts stay until"
            + " AbortMultipartUpload or the lifecycle removes them) or delete (its parts and marker are deleted)."
            + " A webhook's abort/delete answer decides for itself.");

    static final List<Setting<?>> ALL = List.of(STEPS, CLAMD_ADDRESS, CLAMD_TIMEOUT, WEBHOOK_URL, WEBHOOK_ATTEMPTS,
            WEBHOOK_BACKOFF, REJECTED);

    private ProcessingConfig() {
    }

    static ProcessingSettings from(FilterSettings settings) {
        String webhook = WEBHOOK_URL.read(settings).trim();
        URI webhookUrl = webhook.isEmpty() ? null
                : Setting.httpUrl(WEBHOOK_URL.name(), "", "").parse(settings.key(WEBHOOK_URL.name()), webhook);
        try {
            return new ProcessingSettings(STEPS.read(settings), CLAMD_ADDRESS.read(settings),
                    CLAMD_TIMEOUT.read(settings), webhookUrl, WEBHOOK_ATTEMPTS.read(settings),
                    WEBHOOK_BACKOFF.read(settings), REJECTED.read(settings));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(settings.key(STEPS.name()) + ": " + e.getMessage(), e);
        }
    }

    private static InetSocketAddress hostAndPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("is not host:port");
        }
        try {
            return new InetSocketAddress(text.substring(0, colon), Integer.parseInt(
                    text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not host:port");
        }
    }
}
