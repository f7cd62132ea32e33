package io.s3multi.s3.handler.bucket;

import io.s3multi.swift.container.ListingPage;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.container.SwiftContainers;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The S3 ETags of the multipart objects on one page of a versioned bucket's plain listing.
 *
 * <p>In a versioned container Swift lists each key as a symlink to its current version, and the listing shows that
 * symlink with the base of its target's content type only: Swift's object versioning drops the parameters, and with
 * them the S3 ETag a multipart object keeps there ({@code ListingEtag}). The versions listing keeps every version's
 * content type whole. So when a page holds version symlinks of Static Large Objects, one versions listing over the
 * page's range of names (more only when that range holds over 10,000 versions) supplies their ETags; pages without
 * them, and buckets that were never versioned, cost nothing extra. The range is rolled up by the page's delimiter
 * so that a large "directory" between two such objects is one entry; a delimiter Swift cannot roll up in a versions
 * listing (several characters, or one of a version id's) would make the range as long as those directories, so then
 * each object is looked up on its own.
 */
final class CurrentVersionEtags {

    private static final int SWIFT_PAGE_LIMIT = 10_000;
    /** Greater than every character that may follow a name in a longer name (Swift refuses U+0000 in names). */
    private static final String JUST_AFTER = "\u0001";

    private CurrentVersionEtags() {
    }

    /** The entries whose listed ETag would be wrong: current versions, shown by symlink, of large objects. */
    static List<ObjectEntry> needingLookup(List<ObjectEntry> page) {
        return page.stream().filter(e -> e.versionSymlink() && e.isStaticLargeObject()).toList();
    }

    /**
     * The current version's listing entry for each of {@code wanted} (entries of the plain listing of
     * {@code container}), by name; a name whose current version changed meanwhile maps to the newer one.
     *
     * @param prefix the prefix the page was listed with, or {@code null}
     * @param delimiter the delimiter the page was listed with, or {@code null}
     * @param after the name the page was listed after, or {@code null} from the start
     */
    static Map<String, ObjectEntry> lookUp(SwiftContainers containers, String container, List<ObjectEntry> wanted,
            String prefix, String delimiter, String after) throws SwiftException {
        Map<String, ObjectEntry> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        if (delimiter == null || delimiter.isEmpty()) {
            collect(containers, container, rangeQuery(prefix, after, wanted), wanted, found);
        } else if (ListingPager.swiftRollsUpVersions(delimiter)) {
            collect(containers, container, rangeQuery(prefix, after, wanted).withDelimiter(delimiter), wanted, found);
        } else {
            for (ObjectEntry entry : wanted) {
                ListingQuery ownVersions = ListingQuery.all().withPrefix(entry.name())
                        .withEndMarker(entry.name() + JUST_AFTER).withLimit(SWIFT_PAGE_LIMIT);
                collect(containers, container, ownVersions, List.of(entry), found);
            }
        }
        return found;
    }

    private static ListingQuery rangeQuery(String prefix, String after, List<ObjectEntry> wanted) {
        String last = wanted.get(wanted.size() - 1).name();
        return ListingQuery.all().withPrefix(prefix).withMarker(after).withEndMarker(last + JUST_AFTER)
                .withLimit(SWIFT_PAGE_LIMIT);
    }

    private static void collect(SwiftContainers containers, String container, ListingQuery query,
            List<ObjectEntry> wanted, Map<String, ObjectEntry> found) throws SwiftException {
        Set<String> missing = new LinkedHashSet<>();
        wanted.forEach(entry -> missing.add(entry.name()));
        String versionMarker = null;
        while (!missing.isEmpty()) {
            ListingPage<VersionEntry> versions = containers.listVersions(container, query, versionMarker);
            for (VersionEntry version : versions.entries()) {
                if (version.isLatest() && missing.remove(version.name())) {
                    found.put(version.name(), version.object());
                }
            }
            if (versions.entries().size() < SWIFT_PAGE_LIMIT) {
                break;
            }
            VersionEntry lastListed = versions.entries().get(versions.entries().size() - 1);
            query = query.withMarker(lastListed.name());
            versionMarker = lastListed.versionId();
        }
    }
}
