package io.s3multi.swift.container;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the JSON of Swift listings ({@code ?format=json}) into entries, one array element at a time.
 *
 * <p>Swift writes {@code last_modified} as UTC without a zone and with microseconds
 * ({@code 2024-05-01T12:00:00.123456}); fields this client does not know are ignored, so a newer Swift
 * that lists more does not break it. Anything that is not an array of objects is a
 * {@link SwiftProtocolException}, with the request named.
 */
public final class ListingJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ListingJson() {
    }

    /** Reads a container listing. A failure of the underlying stream propagates as it is. */
    public static List<ObjectEntry> readObjects(InputStream json, String what) throws SwiftException {
        return read(json, what, ListingJson::toObjectEntry);
    }

    /** Reads a versions listing ({@code ?versions}) of a container. */
    public static List<VersionEntry> readVersions(InputStream json, String what) throws SwiftException {
        return read(json, what, node -> new VersionEntry(toObjectEntry(node), text(node, "version_id"),
                node.path("is_latest").asBoolean(false)));
    }

    /** Reads an account listing. */
    public static List<ContainerEntry> readContainers(InputStream json, String what) throws SwiftException {
        return read(json, what, ListingJson::toContainerEntry);
    }

    private static <T> List<T> read(InputStream json, String what, Function<JsonNode, T> mapper)
            throws SwiftException {
        return readArray(json, what, "listing", "the listing is not a JSON array", true, mapper);
    }

    /**
     * Reads a JSON array of objects, one element at a time, as Swift writes its listings and manifests.
     *
     * @param what         the request, for messages
     * @param document     what the array is ({@code listing}, {@code manifest}), for messages
     * @param notAnArray   the message, after {@code what}, when the body is something else
     * @param emptyIsEmpty whether an empty body reads as an empty array
     * @param toEntry      reads one element; its {@link IllegalArgumentException} means the element is unreadable
     * @throws SwiftProtocolException for a body that is not such an array; a failure of the stream propagates
     */
    public static <T> List<T> readArray(InputStream json, String what, String document, String notAnArray,
            boolean emptyIsEmpty, Function<JsonNode, T> toEntry) throws SwiftException {
        List<T> entries = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null && emptyIsEmpty) {
                return entries;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new SwiftProtocolException(what + ": " + notAnArray, null);
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    throw new SwiftProtocolException(what + ": a " + document + " entry is not a JSON object", null);
                }
                entries.add(toEntry.apply(parser.readValueAsTree()));
            }
            return entries;
        } catch (SwiftException failure) {
            throw failure;
        } catch (IllegalArgumentException | IOException unreadable) {
            throw new SwiftProtocolException(what + ": unreadable " + document + " (" + unreadable.getMessage() + ")",
                    unreadable);
        }
    }

    private static ObjectEntry toObjectEntry(JsonNode node) {
        String subdir = text(node, "subdir");
        if (subdir != null) {
            return new ObjectEntry(subdir, -1, null, null, null, subdir, null);
        }
        return new ObjectEntry(requiredText(node, "name"), number(node, "bytes"), text(node, "hash"),
                instant(text(node, "last_modified")), text(node, "content_type"), null, text(node, "slo_etag"),
                node.path("version_symlink").asBoolean(false));
    }

    private static ContainerEntry toContainerEntry(JsonNode node) {
        String subdir = text(node, "subdir");
        if (subdir != null) {
            return new ContainerEntry(subdir, -1, -1, null, subdir);
        }
        return new ContainerEntry(requiredText(node, "name"), number(node, "count"), number(node, "bytes"),
                instant(text(node, "last_modified")), null);
    }

    /**
     * Parses Swift's timestamp format ({@code 2024-05-01T12:00:00.123456}, UTC); also accepts an ISO
     * instant with zone. {@code null} stays {@code null}.
     */
    public static Instant instant(String swiftTimestamp) {
        if (swiftTimestamp == null) {
            return null;
        }
        try {
            return swiftTimestamp.endsWith("Z") ? Instant.parse(swiftTimestamp)
                    : LocalDateTime.parse(swiftTimestamp).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notATimestamp) {
            throw new IllegalArgumentException("not a Swift timestamp: " + swiftTimestamp, notATimestamp);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String requiredText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("a listing entry has no " + field);
        }
        return value;
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException("a listing entry has no numeric " + field);
        }
        return value.asLong();
    }
}
