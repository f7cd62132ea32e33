package io.s3multi.swift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a Swift cluster says about itself at {@code GET /info}: its limits and its middleware.
 *
 * <p>The document has one section per component ({@code swift} for the core constraints, {@code slo},
 * {@code bulk_delete}, {@code tempauth}, ...). Typed accessors cover the limits this project depends on and
 * fall back to Swift's defaults when a value is missing; {@link #number(String, String)} reads any other.
 */
public final class SwiftInfo {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode document;

    private SwiftInfo(JsonNode document) {
        this.document = document;
    }

    /** Reads the {@code /info} document. */
    public static SwiftInfo read(InputStream json, String what) throws SwiftException {
        try {
            JsonNode document = MAPPER.readTree(json);
            if (document == null || !document.isObject()) {
                throw new SwiftProtocolException(what + ": /info is not a JSON object", null);
            }
            return new SwiftInfo(document);
        } catch (SwiftException failure) {
            throw failure;
        } catch (IOException unreadable) {
            throw new SwiftProtocolException(what + ": unreadable /info (" + unreadable.getMessage() + ")",
                    unreadable);
        }
    }

    /** Whether a section (a middleware such as {@code slo} or {@code bulk_delete}) is present. */
    public boolean has(String section) {
        return document.has(section);
    }

    /** The section names, in the order Swift listed them. */
    public List<String> sections() {
        List<String> names = new ArrayList<>();
        document.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A numeric setting, such as {@code number("slo", "max_manifest_segments")}. */
    public OptionalLong number(String section, String key) {
        JsonNode value = document.path(section).path(key);
        return value.canConvertToLong() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }

    /** {@code swift.container_listing_limit}: the largest listing page (default 10000). */
    public int containerListingLimit() {
        return (int) number("swift", "container_listing_limit").orElse(10_000);
    }

    /** {@code swift.max_object_name_length} in bytes (default 1024). */
    public int maxObjectNameLength() {
        return (int) number("swift", "max_object_name_length").orElse(1024);
    }

    /** {@code swift.max_file_size}: the largest single object (default 5 GiB + 2 bytes). */
    public long maxFileSize() {
        return number("swift", "max_file_size").orElse(5_368_709_122L);
    }

    /** {@code slo.max_manifest_segments} (default 1000). */
    public int maxManifestSegments() {
        return (int) number("slo", "max_manifest_segments").orElse(1000);
    }

    /** {@code slo.max_manifest_size} in bytes (default 8 MiB). */
    public long maxManifestSize() {
        return number("slo", "max_manifest_size").orElse(8 * 1024 * 1024);
    }

    /** {@code slo.min_segment_size} in bytes (default 1). */
    public long minSegmentSize() {
        return number("slo", "min_segment_size").orElse(1);
    }

    /** {@code bulk_delete.max_deletes_per_request} (default 10000). */
    public int maxDeletesPerRequest() {
        return (int) number("bulk_delete", "max_deletes_per_request").orElse(10_000);
    }

    /** The whole document as JSON text. */
    @Override
    public String toString() {
        return document.toString();
    }
}
