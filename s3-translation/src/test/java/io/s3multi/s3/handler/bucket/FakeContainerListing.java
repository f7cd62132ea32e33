package io.s3multi.s3.handler.bucket;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingPage;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A container listing that answers as Swift's container server does: names in UTF-8 byte order, exclusive
 * marker, prefix, a one-character delimiter rolled up into subdir entries (a subdir equal to the marker is left
 * out), at most {@code limit} entries. Records every query it answered.
 */
final class FakeContainerListing implements ObjectListingPager.PageSource {

    private final TreeSet<String> names = new TreeSet<>(FakeContainerListing::compareUtf8);
    final List<ListingQuery> queries = new ArrayList<>();

    FakeContainerListing(Collection<String> names) {
        this.names.addAll(names);
    }

    FakeContainerListing(String... names) {
        this(Arrays.asList(names));
    }

    @Override
    public ListingPage<ObjectEntry> fetch(ListingQuery query) {
        queries.add(query);
        if (query.delimiter() != null && (query.delimiter().length() != 1 || query.delimiter().charAt(0) > 254)) {
            throw new AssertionError("Swift answers 412 Bad delimiter for " + query.delimiter());
        }
        String prefix = query.prefix() == null ? "" : query.prefix();
        String marker = query.marker();
        List<ObjectEntry> entries = new ArrayList<>();
        String after = marker;
        while (entries.size() < query.limit()) {
            String name = after == null ? first() : names.higher(after);
            while (name != null && !name.startsWith(prefix) && compareUtf8(name, prefix) < 0) {
                name = names.higher(name);
            }
            if (name == null || !name.startsWith(prefix)) {
                break;
            }
            int end = query.delimiter() == null ? -1 : name.indexOf(query.delimiter(), prefix.length());
            if (end >= 0) {
                String dir = name.substring(0, end + 1);
                if (!dir.equals(marker)) {
                    entries.add(new ObjectEntry(dir, -1, null, null, null, dir, null));
                }
                for (String next = name; next != null && next.startsWith(dir); next = names.higher(next)) {
                    after = next;
                }
            } else {
                entries.add(object(name));
                after = name;
            }
        }
        return new ListingPage<>(entries, SwiftHeaders.empty());
    }

    private String first() {
        return names.isEmpty() ? null : names.first();
    }

    static ObjectEntry object(String name) {
        return new ObjectEntry(name, name.length(), "d41d8cd98f00b204e9800998ecf8427e",
                Instant.parse("2026-01-02T03:04:05.678901Z"), "application/octet-stream", null, null);
    }

    static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
