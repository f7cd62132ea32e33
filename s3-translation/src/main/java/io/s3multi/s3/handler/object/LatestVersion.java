package io.s3multi.s3.handler.object;

import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.version.VersionId;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps S3's rule for a key of a bucket with versioning: the newest version is the latest, so a plain GET shows the
 * newest version, or nothing when the newest is a delete marker.
 *
 * <p>Swift's object versioning keeps the key's current version as a symlink, and does not move it when the current
 * version is deleted by id: the key is then absent although older versions remain. {@link #restore} puts it back on
 * the newest remaining version ({@code PUT ?version-id=}, no bytes copied). Swift would as readily make an older
 * version current, and concurrent writes and deletes of the key can overtake a restore, so it converges instead of
 * acting once: it reads the key's versions (newest first), corrects what is wrong, and reads again, until a look
 * finds the key right or {@link #MAX_ROUNDS} rounds are spent. Every restore ends with a look after its last change,
 * so once the writes and deletes of a key stop, the last restore that ran saw the key right (see docs/VERSIONING.md).
 *
 * <p>What is wrong and how it is corrected:
 * <ul>
 *   <li>the newest version is an object that is not current: make it current;</li>
 *   <li>the newest version is a delete marker but an older version is current (a restore that raced the marker):
 *       delete the current symlink only ({@code DELETE ?version-id=null} removes a symlink and keeps the version it
 *       pointed at; it is sent only while the current version is not the null version, whose data it would
 *       delete).</li>
 * </ul>
 */
final class LatestVersion {

    private static final Logger LOG = LoggerFactory.getLogger(LatestVersion.class);
    /** Enough for any realistic race; a key that keeps changing faster is left to the next restore. */
    static final int MAX_ROUNDS = 10;
    /** Versions of one key read per listing page. */
    private static final int PAGE = 100;

    private LatestVersion() {
    }

    /** Makes the key's newest version current (or none, when it is a marker); see the class comment. */
    static void restore(SwiftAccount swift, String bucket, String key) throws SwiftException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<VersionEntry> versions = versionsOf(swift, bucket, key);
            if (versions.isEmpty()) {
                return;
            }
            VersionEntry newest = versions.get(0);
            if (!newest.isDeleteMarker()) {
                if (newest.isLatest()) {
                    return;
                }
                ignoringGone(() -> swift.objects().makeCurrent(bucket, key, newest.versionId()));
                continue;
            }
            Optional<VersionEntry> current = versions.stream()
                    .filter(version -> version.isLatest() && !version.isDeleteMarker()).findFirst();
            if (current.isEmpty() || current.get().versionId().equals(VersionId.NULL_VALUE)) {
                return;
            }
            ignoringGone(() -> swift.objects().deleteVersion(bucket, key, VersionId.NULL_VALUE,
                    SwiftHeaders.empty()));
        }
        LOG.warn("the latest version of {}/{} still moved after {} rounds; left to the next restore", bucket, key,
                MAX_ROUNDS);
    }

    /**
     * The versions of exactly {@code key}, newest first: pages of the versions listing with the key as prefix,
     * until a name other than the key shows up (names ascending: the key's own versions come first).
     */
    static List<VersionEntry> versionsOf(SwiftAccount swift, String bucket, String key)
            throws SwiftException {
        List<VersionEntry> versions = new ArrayList<>();
        ListingQuery query = ListingQuery.all().withPrefix(key).withLimit(PAGE);
        String versionMarker = null;
        while (true) {
            List<VersionEntry> page = swift.containers().listVersions(bucket, query, versionMarker).entries();
            for (VersionEntry entry : page) {
                if (!entry.name().equals(key)) {
                    return versions;
                }
                versions.add(entry);
            }
            if (page.size() < PAGE) {
                return versions;
            }
            VersionEntry last = page.get(page.size() - 1);
            query = query.withMarker(last.name());
            versionMarker = last.versionId();
        }
    }

    /**
     * Runs a versioned delete, again when Swift answers 412, at most {@link #MAX_ROUNDS} times. Swift's versioning
     * does a delete in steps (it reads the key's current version, then removes the symlink or writes the marker)
     * and answers 412 when a concurrent request changed the key in between; nothing was deleted then.
     */
    static <T> T againWhileRacing(S3Failures.SwiftCall<T> delete) throws SwiftException {
        for (int attempt = 1; ; attempt++) {
            try {
                return delete.run();
            } catch (SwiftHttpStatusException failure) {
                if (failure.status() != 412 || attempt >= MAX_ROUNDS) {
                    throw failure;
                }
            }
        }
    }

    private interface SwiftStep {
        void run() throws SwiftException;
    }

    /** A version deleted meanwhile (404), or gone between the listing and the request (Swift's 400), is no failure. */
    private static void ignoringGone(SwiftStep step) throws SwiftException {
        try {
            step.run();
        } catch (SwiftHttpStatusException failure) {
            if (failure.status() != 404 && failure.status() != 400) {
                throw failure;
            }
        }
    }
}
