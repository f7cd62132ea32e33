package io.s3multi.swift.slo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.container.ListingJson;
import io.s3multi.swift.error.SwiftException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The two JSON shapes of SLO manifests: what is PUT ({@code path}, {@code etag}, {@code size_bytes},
 * {@code range}) and what {@code ?multipart-manifest=get} answers ({@code name}, {@code hash},
 * {@code bytes}, {@code content_type}, {@code last_modified}, {@code range}, {@code sub_slo}).
 *
 * <p>Paths in both are {@code /container/object} <em>not</em> percent-encoded: Swift quotes them itself
 * when it looks the segments up.
 */
public final class ManifestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ManifestJson() {
    }

    /** The body of a manifest PUT. Unset checks are left out, which tells Swift to skip them. */
    public static byte[] toPutBody(List<SloSegment> segments) {
        ArrayNode manifest = MAPPER.createArrayNode();
        for (SloSegment segment : segments) {
            ObjectNode entry = manifest.addObject();
            entry.put("path", segment.path().toString());
            if (segment.etag() != null) {
                entry.put("etag", segment.etag());
            }
            if (segment.sizeBytes() != null) {
                entry.put("size_bytes", segment.sizeBytes());
            }
            if (segment.range() != null) {
                entry.put("range", segment.range());
            }
        }
        try {
            return MAPPER.writeValueAsBytes(manifest);
        } catch (IOException impossible) {
            throw new IllegalStateException("a JSON tree always serialises", impossible);
        }
    }

    /** Reads the answer of {@code GET ...?multipart-manifest=get}. */
    public static List<ManifestEntry> readManifest(InputStream json, String what) throws SwiftException {
        return ListingJson.readArray(json, what, "manifest", "the manifest is not a JSON array (not an SLO?)", false,
                ManifestJson::toEntry);
    }

    private static ManifestEntry toEntry(JsonNode node) {
        JsonNode name = node.get("name");
        JsonNode bytes = node.get("bytes");
        if (name == null || !name.isTextual() || bytes == null || !bytes.canConvertToLong()) {
            throw new IllegalArgumentException("a manifest entry lacks name or bytes");
        }
        JsonNode subSlo = node.get("sub_slo");
        return new ManifestEntry(ObjectPath.parse(name.asText()), text(node, "hash"), bytes.asLong(),
                text(node, "content_type"), ListingJson.instant(text(node, "last_modified")), text(node, "range"),
                subSlo != null && subSlo.asBoolean());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
