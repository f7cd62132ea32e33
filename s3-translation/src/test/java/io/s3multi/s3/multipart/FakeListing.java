package io.s3multi.s3.multipart;

import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** A container listing that behaves as Swift's: UTF-8 byte order, prefix, exclusive marker, limit. */
final class FakeListing implements UploadsPage.Lister {

    static final Comparator<String> SWIFT_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final TreeMap<String, ObjectEntry> objects = new TreeMap<>(SWIFT_ORDER);
    int calls;
    int entriesReturned;

    FakeListing put(String name, long bytes, String hash, String contentType) {
        objects.put(name, new ObjectEntry(name, bytes, hash, Instant.parse("2026-01-01T00:00:00Z"), contentType,
                null, null));
        return this;
    }

    FakeListing put(String name) {
        return put(name, 0, "d41d8cd98f00b204e9800998ecf8427e", "application/x-s3multi-upload");
    }

    @Override
    public List<ObjectEntry> list(ListingQuery query) {
        calls++;
        List<ObjectEntry> out = new ArrayList<>();
        var view = query.marker() == null ? objects : objects.tailMap(query.marker(), false);
        for (ObjectEntry entry : view.values()) {
            if (query.prefix() != null && !entry.name().startsWith(query.prefix())) {
                if (SWIFT_ORDER.compare(entry.name(), query.prefix()) > 0) {
                    break;
                }
                continue;
            }
            if (query.limit() != null && out.size() == query.limit()) {
                break;
            }
            out.add(entry);
        }
        entriesReturned += out.size();
        return out;
    }
}
