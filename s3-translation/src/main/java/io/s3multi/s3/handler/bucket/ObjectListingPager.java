package io.s3multi.s3.handler.bucket;

import io.s3multi.swift.container.ListingPage;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one page of an S3 object listing from Swift container listings, asking Swift for about as many names
 * as the page needs, never for the whole container.
 *
 * <h2>How an S3 listing maps onto Swift's</h2>
 * S3 and Swift both order names by their UTF-8 bytes, and both take a prefix and an exclusive start
 * ({@code marker} / {@code start-after} / a continuation token in S3, {@code marker} in Swift), so a page is a
 * window of Swift's listing. S3's {@code max-keys} counts keys and common prefixes together; the pager asks
 * Swift for one entry more than the page still needs, which tells whether the page is truncated without
 * another request.
 *
 * <p>Common prefixes: Swift rolls names up itself when the delimiter is a single character up to U+00FE (its
 * {@code delimiter} parameter accepts nothing else), and answers {@code subdir} entries. For any other
 * delimiter S3 allows (several characters, or a character beyond U+00FE) the pager rolls names up itself, and
 * after a prefix it continues Swift's listing at {@code prefix + U+10FFFF}, beyond every name that starts with
 * the prefix, so a prefix holding a million names costs no more than one holding one.
 *
 * <p>Continuing after a common prefix: a start position that has the shape of a common prefix (it begins with
 * the listing's prefix and its first delimiter after that is at its end) skips every name under it, as S3
 * does, since the previous page already showed the prefix.
 */
public final class ObjectListingPager {

    /**
     * The largest code point: in UTF-8 byte order {@code p + SKIP_PAST} sorts after every name under {@code p}
     * except those that continue with U+10FFFF itself (rolled into the same prefix again, and skipped then).
     */
    static final String SKIP_PAST = new String(Character.toChars(Character.MAX_CODE_POINT));

    /** Fetches one Swift listing page of the bucket's container. */
    @FunctionalInterface
    public interface PageSource {
        ListingPage<ObjectEntry> fetch(ListingQuery query) throws SwiftException;
    }

    private final int swiftPageLimit;

    /** @param swiftPageLimit the most entries one Swift listing request may ask for (its container_listing_limit) */
    public ObjectListingPager(int swiftPageLimit) {
        if (swiftPageLimit < 1) {
            throw new IllegalArgumentException("swiftPageLimit must be at least 1: " + swiftPageLimit);
        }
        this.swiftPageLimit = swiftPageLimit;
    }

    /**
     * One S3 page.
     *
     * @param prefix    only names starting with this; null or empty for all
     * @param delimiter roll names up to the first delimiter after the prefix; null or empty for none
     * @param after     only names after this (exclusive); null to start at the beginning
     * @param maxKeys   the most keys and prefixes the page holds, 0 or more
     */
    public ListingWindow list(PageSource source, String prefix, String delimiter, String after, int maxKeys)
            throws SwiftException {
        String listedPrefix = prefix == null ? "" : prefix;
        String rollupDelimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        Page page = new Page(maxKeys);
        if (maxKeys == 0) {
            return page.done(false);
        }
        boolean swiftRollsUp = rollupDelimiter != null && isSwiftDelimiter(rollupDelimiter);
        String marker = after;
        if (after != null && rollupDelimiter != null && isCommonPrefix(after, listedPrefix, rollupDelimiter)) {
            page.lastPrefix = after;
            marker = after + SKIP_PAST;
        }
        while (true) {
            int limit = Math.min(swiftPageLimit, maxKeys - page.size() + 1);
            ListingQuery query = ListingQuery.all()
                    .withPrefix(listedPrefix.isEmpty() ? null : listedPrefix)
                    .withDelimiter(swiftRollsUp ? rollupDelimiter : null)
                    .withMarker(marker)
                    .withLimit(limit);
            List<ObjectEntry> entries = source.fetch(query).entries();
            boolean lastEntryRolledUp = false;
            for (ObjectEntry entry : entries) {
                String rolled = entry.isSubdir() ? entry.subdir() : rollUp(entry.name(), listedPrefix, rollupDelimiter);
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
                    page.addObject(entry);
                }
            }
            if (entries.size() < limit) {
                return page.done(false);
            }
            ObjectEntry lastEntry = entries.get(entries.size() - 1);
            marker = lastEntryRolledUp && !lastEntry.isSubdir() ? page.lastPrefix + SKIP_PAST : lastEntry.name();
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
    private static final class Page {
        private final int maxKeys;
        private final List<ObjectEntry> objects = new ArrayList<>();
        private final List<String> prefixes = new ArrayList<>();
        private String lastPrefix;
        private String last;
        private boolean lastIsPrefix;

        Page(int maxKeys) {
            this.maxKeys = maxKeys;
        }

        int size() {
            return objects.size() + prefixes.size();
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

        void addObject(ObjectEntry entry) {
            objects.add(entry);
            last = entry.name();
            lastIsPrefix = false;
        }

        ListingWindow done(boolean truncated) {
            return new ListingWindow(objects, prefixes, truncated, last, lastIsPrefix);
        }
    }
}
