package io.s3multi.s3.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingPage;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The containers and objects of {@link FakeSwift}'s account, and the listings Swift's container server gives of
 * them: names in UTF-8 byte order, prefix, exclusive marker, a one-character delimiter rolled up into subdir
 * entries (a subdir equal to the marker is left out), at most {@code limit} entries. Every listing is recorded,
 * whether it came over HTTP or straight from a test.
 */
public final class SwiftStore {

    /** The order in which Swift lists names: their UTF-8 bytes, unsigned. */
    public static final Comparator<String> SWIFT_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /** When every object was last modified, as Swift would say. */
    public static final Instant LAST_MODIFIED = Instant.parse("2026-11-21T12:00:00Z");

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int SWIFT_LISTING_LIMIT = 10_000;

    /** A stored object: body, ETag (hex, no quotes), content type, metadata by lower-case name, the SLO flag. */
    public record StoredObject(byte[] body, String etag, String contentType, Map<String, String> meta, boolean slo) {
    }

    /** Swift's 412 for a delimiter it refuses. */
    public static final class BadDelimiter extends AssertionError {
        BadDelimiter(String delimiter) {
            super("Swift answers 412 Bad delimiter for " + delimiter);
        }
    }

    /** Swift's 404 for a listing of a container that is not there. */
    public static final class NoSuchContainer extends AssertionError {
        NoSuchContainer(String container) {
            super("no container " + container);
        }
    }

    private final Map<String, ConcurrentSkipListMap<String, StoredObject>> containers = new ConcurrentHashMap<>();
    private final List<ListingQuery> listings = new CopyOnWriteArrayList<>();
    private final AtomicInteger entriesListed = new AtomicInteger();
    private volatile java.util.function.Predicate<String> notYetListed = name -> false;

    /**
     * From now on, listings leave out the names that {@code lagging} accepts, as Swift's listings do while the
     * container updates of their writes have not reached the container server (a busy one): the objects themselves
     * are there to a GET or HEAD.
     */
    public void lagListings(java.util.function.Predicate<String> lagging) {
        notYetListed = lagging;
    }

    /** Creates the container if it is not there; says whether it was new. */
    public boolean createContainer(String container) {
        return containers.putIfAbsent(container, new ConcurrentSkipListMap<>(SWIFT_ORDER)) == null;
    }

    boolean hasContainer(String container) {
        return containers.containsKey(container);
    }

    /** Deletes an empty container: 204, 409 when it holds objects, 404 when it is not there. */
    int deleteContainer(String container) {
        var objects = containers.get(container);
        if (objects == null) {
            return 404;
        }
        if (!objects.isEmpty()) {
            return 409;
        }
        containers.remove(container);
        return 204;
    }

    /** Stores an object, creating its container; metadata names are kept in lower case. */
    public void put(String container, String object, byte[] body, String contentType, Map<String, String> meta) {
        store(container, object, new StoredObject(body, md5(body), contentType, lowerCase(meta), false));
    }

    /** Stores an object of {@code bytes} zero bytes that Swift lists with the given hash, as a test needs it. */
    public void put(String container, String object, long bytes, String hash, String contentType) {
        store(container, object, new StoredObject(new byte[Math.toIntExact(bytes)], hash, contentType, Map.of(),
                false));
    }

    /**
     * Stores a manifest at {@code container/object} naming {@code segments} (container/object paths, each of
     * which must exist), as a Complete leaves one.
     */
    public void putManifest(String container, String object, List<String> segments, Map<String, String> meta) {
        ArrayNode body = JSON.createArrayNode();
        for (String segment : segments) {
            StoredObject target = get(segment);
            body.addObject().put("path", "/" + segment).put("etag", target.etag())
                    .put("size_bytes", target.body().length);
        }
        try {
            byte[] manifest = JSON.writeValueAsBytes(body);
            store(container, object, new StoredObject(manifest, md5(manifest), "binary/octet-stream",
                    lowerCase(meta), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void store(String container, String object, StoredObject stored) {
        createContainer(container);
        containers.get(container).put(object, stored);
    }

    public StoredObject get(String container, String object) {
        var objects = containers.get(container);
        return objects == null ? null : objects.get(object);
    }

    /** The object at {@code container/object}, or null. */
    StoredObject get(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? null : get(path.substring(0, slash), path.substring(slash + 1));
    }

    /** Removes an object; says whether it was there. */
    public boolean delete(String container, String object) {
        var objects = containers.get(container);
        return objects != null && objects.remove(object) != null;
    }

    boolean delete(String path) {
        int slash = path.indexOf('/');
        return slash >= 0 && delete(path.substring(0, slash), path.substring(slash + 1));
    }

    /** The names stored in a container, in Swift's order. */
    public List<String> names(String container) {
        var objects = containers.get(container);
        return objects == null ? List.of() : new ArrayList<>(objects.keySet());
    }

    /** The object's bytes; a manifest's are its segments', recursively. */
    byte[] read(StoredObject object) throws IOException {
        if (!object.slo()) {
            return object.body();
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (JsonNode segment : JSON.readTree(object.body())) {
            StoredObject part = get(segment.get("path").asText().substring(1));
            if (part == null) {
                throw new IOException("segment " + segment.get("path").asText() + " is gone");
            }
            all.write(read(part));
        }
        return all.toByteArray();
    }

    /**
     * One page of a container's listing, as Swift's container server answers it.
     *
     * @throws BadDelimiter for a delimiter Swift refuses (412 Bad delimiter): an error, so that no code under test
     *                      can take it for a failure it handles
     * @throws NoSuchContainer for a container that is not there (404)
     */
    public ListingPage<ObjectEntry> list(String container, ListingQuery query) {
        listings.add(query);
        if (query.delimiter() != null && (query.delimiter().length() != 1 || query.delimiter().charAt(0) > 254)) {
            throw new BadDelimiter(query.delimiter());
        }
        NavigableMap<String, StoredObject> objects = containers.get(container);
        if (objects == null) {
            throw new NoSuchContainer(container);
        }
        String prefix = query.prefix() == null ? "" : query.prefix();
        int limit = query.limit() == null ? SWIFT_LISTING_LIMIT : query.limit();
        List<ObjectEntry> entries = new ArrayList<>();
        String after = query.marker();
        while (entries.size() < limit) {
            String name = after == null ? first(objects) : objects.higherKey(after);
            while (name != null && (!name.startsWith(prefix) && SWIFT_ORDER.compare(name, prefix) < 0
                    || name.startsWith(prefix) && notYetListed.test(name))) {
                name = objects.higherKey(name);
            }
            if (name == null || !name.startsWith(prefix)) {
                break;
            }
            int end = query.delimiter() == null ? -1 : name.indexOf(query.delimiter(), prefix.length());
            if (end >= 0) {
                String dir = name.substring(0, end + 1);
                if (!dir.equals(query.marker())) {
                    entries.add(new ObjectEntry(dir, -1, null, null, null, dir, null));
                }
                for (String next = name; next != null && next.startsWith(dir); next = objects.higherKey(next)) {
                    after = next;
                }
            } else {
                entries.add(entry(name, objects.get(name)));
                after = name;
            }
        }
        entriesListed.addAndGet(entries.size());
        return new ListingPage<>(entries, SwiftHeaders.empty());
    }

    /** Every listing answered, in order. */
    public List<ListingQuery> listings() {
        return listings;
    }

    /** How many entries the listings have returned, in all. */
    public int entriesListed() {
        return entriesListed.get();
    }

    private static String first(NavigableMap<String, StoredObject> objects) {
        return objects.isEmpty() ? null : objects.firstKey();
    }

    private static ObjectEntry entry(String name, StoredObject object) {
        return new ObjectEntry(name, object.body().length, object.etag(), LAST_MODIFIED,
                object.contentType() == null ? "" : object.contentType(), null, null);
    }

    static Map<String, String> lowerCase(Map<String, String> meta) {
        Map<String, String> lower = new TreeMap<>();
        meta.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    public static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
