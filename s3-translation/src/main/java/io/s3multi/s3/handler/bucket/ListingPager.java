package io.s3multi.s3.handler.bucket;

import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Builds one page of an S3 listing of a bucket's keys (ListObjects) or of their versions (ListObjectVersions) from
 * Swift container listings, asking Swift for about as many entries as the page needs, never for the whole
 * container.
 *
 * <h2>How an S3 listing maps onto Swift's</h2>
 * S3 and Swift both order names by their UTF-8 bytes, and both take a prefix and an exclusive start
 * ({@code marker} / {@code start-after} / a continuation token / {@code key-marker} in S3, {@code marker} in
 * Swift), so a page is a window of Swift's listing. S3's {@code max-keys} counts entries and common prefixes
 * together; the pager asks Swift for one entry more than the page still needs, which tells whether the page is
 * truncated without another request.
 *
 * <p>Versions: Swift's versions listing ({@code ?versions}) lists each name's versions newest first, one entry
 * per version or delete marker, and continues after one version of a name with {@code version_marker}; so a
 * position is a key and, optionally, one of its versions ({@link Position}).
 *
 * <p>Common prefixes: Swift rolls names up itself when it accepts the delimiter ({@link Source#swiftRollsUp}: a
 * single character up to U+00FE; for versions listings also not a digit or {@code .}, the characters of a version
 * id), and answers {@code subdir} entries. For any other delimiter S3 allows the pager rolls names up itself. After
 * a prefix it continues Swift's listing at {@code prefix + U+10FFFF}, beyond every name that starts with the
 * prefix, so a prefix holding a million names (or versions) costs no more than one holding one.
 *
 * <p>Continuing after a common prefix: a start key that has the shape of a common prefix (it begins with the
 * listing's prefix and its first delimiter after that is at its end) skips every name under it, as S3 does, since
 * the previous page already showed the prefix.
 *
 * @param <E> the listing's entries: {@link ObjectEntry} or {@link VersionEntry}
 */
public final class ListingPager<E> {

    /**
     * The largest code point: in UTF-8 byte order {@code p + SKIP_PAST} sorts after every name under {@code p}
     * except those that continue with U+10FFFF itself (rolled into the same prefix again, and skipped then).
     */
    static final String SKIP_PAST = new String(Character.toChars(Character.MAX_CODE_POINT));

    /** Where a page starts (exclusive): after every version of {@code key}, or after its version {@code versionId}. */
    public record Position(String key, String versionId) {

        private static final Position START = new Position(null, null);

        /** The beginning of the listing. */
        public static Position start() {
            return START;
        }

        /** After {@code key} (and all its versions); null for the beginning. */
        public static Position afterKey(String key) {
            return new Position(key, null);
        }
    }

    /** One kind of Swift listing, as the pager reads it. */
    public interface Source<E> {

        /** One page of Swift's listing; {@code versionMarker} continues after that version of the query's marker. */
        List<E> fetch(ListingQuery query, String versionMarker) throws SwiftException;

        /** The entry's listing fields: a name, or a subdir. */
        ObjectEntry fields(E entry);

        /** The version a page that ends with this entry continues after; null when entries are names only. */
        String versionId(E entry);

        /** Whether Swift rolls names up at this delimiter itself. */
        boolean swiftRollsUp(String delimiter);
    }

    /** Fetches one Swift listing page. */
    @FunctionalInterface
    public interface PageFetch<E> {
        List<E> fetch(ListingQuery query, String versionMarker) throws SwiftException;
    }

    private final int swiftPageLimit;

    /** @param swiftPageLimit the most entries one Swift listing request may ask for (its container_listing_limit) */
    public ListingPager(int swiftPageLimit) {
        if (swiftPageLimit < 1) {
            throw new IllegalArgumentException("swiftPageLimit must be at least 1: " + swiftPageLimit);
        }
        this.swiftPageLimit = swiftPageLimit;
    }

    /** A container's plain listing: one entry per name. */
    public static Source<ObjectEntry> objects(PageFetch<ObjectEntry> fetch) {
        return source(fetch, entry -> entry, entry -> null, ListingPager::isSwiftDelimiter);
    }

    /**
     * A container's versions listing: one entry per version. Swift refuses a delimiter that holds a character of
     * a version id (digits and {@code .}), so those are rolled up here.
     */
    public static Source<VersionEntry> versions(PageFetch<VersionEntry> fetch) {
        return source(fetch, VersionEntry::object, VersionEntry::versionId, ListingPager::swiftRollsUpVersions);
    }

    /** Whether Swift rolls a versions listing up by {@code delimiter} (one character, none of a version id's). */
    static boolean swiftRollsUpVersions(String delimiter) {
        return isSwiftDelimiter(delimiter) && "0123456789.".indexOf(delimiter.charAt(0)) < 0;
    }

    private static <E> Source<E> source(PageFetch<E> fetch, Function<E, ObjectEntry> fields,
            Function<E, String> versionId, Predicate<String> swiftRollsUp) {
        return new Source<>() {
            @Override
            public List<E> fetch(ListingQuery query, String versionMarker) throws SwiftException {
                return fetch.fetch(query, versionMarker);
            }

            @Override
            public ObjectEntry fields(E entry) {
                return fields.apply(entry);
            }

            @Override
            public String versionId(E entry) {
                return versionId.apply(entry);
            }

            @Override
            public boolean swiftRollsUp(String delimiter) {
                return swiftRollsUp.test(delimiter);
            }
        };
    }

    /**
     * One S3 page.
     *
     * @param prefix    only names starting with this; null or empty for all
     * @param delimiter roll names up to the first delimiter after the prefix; null or empty for none
     * @param after     only entries after this position
     * @param maxKeys   the most entries and prefixes the page holds, 0 or more
     */
    public ListingWindow<E> list(Source<E> source, String prefix, String delimiter, Position after, int maxKeys)
            throws SwiftException {
        String listedPrefix = prefix == null ? "" : prefix;
        String rollupDelimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        Page<E> page = new Page<>(maxKeys);
        if (maxKeys == 0) {
            return page.done(false);
        }
        boolean swiftRollsUp = rollupDelimiter != null && source.swiftRollsUp(rollupDelimiter);
        String marker = after.key();
        String versionMarker = after.versionId();
        if (versionMarker == null && marker != null && rollupDelimiter != null
                && isCommonPrefix(marker, listedPrefix, rollupDelimiter)) {
            page.lastPrefix = marker;
            marker = marker + SKIP_PAST;
        }
        while (true) {
            int limit = Math.min(swiftPageLimit, maxKeys - page.size() + 1);
            ListingQuery query = ListingQuery.all()
                    .withPrefix(listedPrefix.isEmpty() ? null : listedPrefix)
                    .withDelimiter(swiftRollsUp ? rollupDelimiter : null)
                    .withMarker(marker)
                    .withLimit(limit);
            List<E> entries = source.fetch(query, versionMarker);
            boolean lastEntryRolledUp = false;
            for (E entry : entries) {
                ObjectEntry fields = source.fields(entry);
                String rolled = fields.isSubdir() ? fields.subdir()
                        : rollUp(fields.name(), listedPrefix, rollupDelimiter);
                lastEntryRolledUp = rolled != null;
                if (rolled != null && rolled.equals(page.lastPrefix)) {
                    continue;
                }
                if (page.isFull()) {
                    return page.done(true);
                }
                if (rolled != null) {
                    page.addPrefix(rolled);
                } else {
                    page.addEntry(entry, fields.name());
                }
            }
            if (entries.size() < limit) {
                return page.done(false);
            }
            E lastEntry = entries.get(entries.size() - 1);
            if (lastEntryRolledUp) {
                // Past the whole prefix: Swift would list a subdir again after a marker equal to it.
                marker = page.lastPrefix + SKIP_PAST;
                versionMarker = null;
            } else {
                marker = source.fields(lastEntry).name();
                versionMarker = source.versionId(lastEntry);
            }
        }
    }

    /** Whether Swift's {@code delimiter} parameter accepts this delimiter (one character, at most U+00FE). */
    static boolean isSwiftDelimiter(String delimiter) {
        return delimiter.length() == 1 && delimiter.charAt(0) <= 254;
    }

    /** The common prefix {@code name} rolls up into, or null when it stays a key. */
    static String rollUp(String name, String prefix, String delimiter) {
        if (delimiter == null || !name.startsWith(prefix)) {
            return null;
        }
        int at = name.indexOf(delimiter, prefix.length());
        return at < 0 ? null : name.substring(0, at + delimiter.length());
    }

    private static boolean isCommonPrefix(String name, String prefix, String delimiter) {
        return name.equals(rollUp(name, prefix, delimiter));
    }

    /** The page being filled. */
    private static final class Page<E> {
        private final int maxKeys;
        private final List<E> entries = new ArrayList<>();
        private final List<String> prefixes = new ArrayList<>();
        private String lastPrefix;
        private String last;
        private boolean lastIsPrefix;

        Page(int maxKeys) {
            this.maxKeys = maxKeys;
        }

        int size() {
            return entries.size() + prefixes.size();
        }

        boolean isFull() {
            return size() >= maxKeys;
        }

        void addPrefix(String prefix) {
            prefixes.add(prefix);
            lastPrefix = prefix;
            last = prefix;
            lastIsPrefix = true;
        }

        void addEntry(E entry, String name) {
            entries.add(entry);
            last = name;
            lastIsPrefix = false;
        }

        ListingWindow<E> done(boolean truncated) {
            return new ListingWindow<>(entries, prefixes, truncated, last, lastIsPrefix);
        }
    }
}
