package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link Instant} the way S3 writes times in XML: UTC, milliseconds, {@code Z}
 * ({@code 2009-10-12T17:50:30.000Z}); some SDKs parse exactly that shape. Reads any ISO-8601 instant.
 */
public final class InstantAdapter extends XmlAdapter<String, Instant> {

    private static final DateTimeFormatter S3_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public Instant unmarshal(String text) {
        return text == null ? null : Instant.parse(text.strip());
    }

    @Override
    public String marshal(Instant instant) {
        return instant == null ? null : S3_TIME.format(instant);
    }
}
