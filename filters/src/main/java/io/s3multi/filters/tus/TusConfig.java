package io.s3multi.filters.tus;

import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;
import io.s3multi.s3.tus.TusSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The settings of stage {@code tus}, declared once and parsed once.
 *
 * @param path     where tus is served: uploads are created by {@code POST <path>/<bucket>/}
 * @param tus      what the protocol logic answers by
 * @param secret   the key of the upload URLs' MAC; empty: derived from the service key
 * @param swiftUrl the Swift the uploads live in
 */
record TusConfig(String path, TusSettings tus, String secret, URI swiftUrl) {

    static final Setting<String> PATH = new Setting<>("path", "/tus", TusConfig::parsePath,
            "The path under which tus 1.0.0 is served: uploads are created by POST <path>/<bucket>/ and live at"
            + " <path>/<bucket>/<upload id>. Its first segment is no longer an S3 bucket of this gateway.");
    static final Setting<String> KEY_PREFIX = Setting.text("key_prefix", "", "Put before the key of every object a"
            + " tus upload makes (the key is the Upload-Metadata filename, or the upload id without one).");
    static final Setting<Long> MAX_SIZE = new Setting<>("max_size", "5497558138880", text -> positiveLong(text, 0),
            "The largest Upload-Length accepted, in bytes (Tus-Max-Size; S3's largest object is 5 TiB).");
    static final Setting<Duration> EXPIRATION = new Setting<>("expiration", "86400", TusConfig::seconds,
            "Seconds an unfinished tus upload lives after its creation (Upload-Expires); later requests are"
            + " answered 410 and the gateway's sweeper deletes it. 0: uploads never expire.");
    static final Setting<Long> PIECE_SIZE = new Setting<>("piece_size", "67108864",
            text -> positiveLong(text, 1 << 20), "The most bytes of a PATCH stored as one segment; a longer PATCH is"
            + " cut into segments of this size, so a broken connection loses at most one. At least 1 MiB, so that"
            + " Swift does not rate-limit reading them (rate_limit_under_size), at most Swift's max_file_size.");
    static final Setting<String> SECRET = Setting.text("secret", "", "The key of the MAC in every upload URL (at"
            + " least 16 characters; every gateway serving the same uploads needs the same). Empty: derived from"
            + " the top-level service_key.");
    static final Setting<URI> SWIFT_URL = Setting.swiftUrl("The Swift proxy the uploads are stored in.");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("tus", "Resumable uploads with tus 1.0.0,"
            + " stored as multipart uploads (docs/TUS.md).", PATH, KEY_PREFIX, MAX_SIZE, EXPIRATION, PIECE_SIZE,
            SECRET, SWIFT_URL);

    static TusConfig from(FilterSettings settings) {
        String secret = SECRET.read(settings);
        if (!secret.isEmpty() && secret.getBytes(StandardCharsets.UTF_8).length < 16) {
            throw new IllegalArgumentException(settings.key(SECRET.name()) + ": at least 16 characters");
        }
        return new TusConfig(PATH.read(settings), new TusSettings(KEY_PREFIX.read(settings), MAX_SIZE.read(settings),
                EXPIRATION.read(settings), PIECE_SIZE.read(settings), 10_000), secret, settings.swiftUrl(SWIFT_URL));
    }

    private static String parsePath(String text) {
        if (!text.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalArgumentException("is not a path such as /tus");
        }
        return text;
    }

    private static long positiveLong(String text, long min) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
        if (value < min) {
            throw new IllegalArgumentException("is less than " + min);
        }
        return value;
    }

    private static Duration seconds(String text) {
        return Duration.ofSeconds(positiveLong(text, 0));
    }
}
