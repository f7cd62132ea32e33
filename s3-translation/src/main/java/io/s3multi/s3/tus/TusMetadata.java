package io.s3multi.s3.tus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Upload-Metadata} header: comma-separated {@code key base64value} pairs (the value may be absent). It
 * is kept on the marker as sent; the finished object gets each pair as {@code x-amz-meta-<key>} when key and
 * decoded value fit an S3 metadata header, the {@code filetype} (or {@code contentType}) as its Content-Type, and
 * its key from {@code filename}.
 */
final class TusMetadata {

    /** Swift keeps at most 4096 bytes of metadata per object; the marker needs room for its own. */
    static final int MAX_LENGTH = 2048;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x20-\\x7e]{0,256}");

    private final Map<String, String> values;

    private TusMetadata(Map<String, String> values) {
        this.values = values;
    }

    /** @throws TusException 400 for a header that is not metadata, or longer than {@link #MAX_LENGTH} */
    static TusMetadata parse(String header) {
        Map<String, String> values = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return new TusMetadata(values);
        }
        if (header.length() > MAX_LENGTH || header.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new TusException(400, "Upload-Metadata: too long or not ASCII");
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.trim().split(" ");
            if (parts.length > 2 || parts[0].isEmpty() || values.containsKey(parts[0])) {
                throw new TusException(400, "Upload-Metadata: malformed pair '" + pair.trim() + "'");
            }
            try {
                values.put(parts[0], parts.length == 2
                        ? new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException notBase64) {
                throw new TusException(400, "Upload-Metadata: the value of '" + parts[0] + "' is not base64");
            }
        }
        return new TusMetadata(values);
    }

    Optional<String> filename() {
        return Optional.ofNullable(values.get("filename")).filter(name -> !name.isBlank());
    }

    Optional<String> contentType() {
        return Optional.ofNullable(values.get("filetype")).or(() -> Optional.ofNullable(values.get("contentType")))
                .filter(type -> HEADER_SAFE.matcher(type).matches() && !type.isBlank());
    }

    /** The pairs that fit S3 metadata headers, by lower-case key. */
    Map<String, String> userMetadata() {
        Map<String, String> user = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (KEY.matcher(key).matches() && HEADER_SAFE.matcher(value).matches()
                    && !key.toLowerCase(Locale.ROOT).startsWith("s3multi-")) {
                user.put(key.toLowerCase(Locale.ROOT), value);
            }
        });
        return user;
    }
}
