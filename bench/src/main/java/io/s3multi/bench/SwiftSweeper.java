package io.s3multi.bench;

import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ContainerEntry;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Removes containers and everything in them, through Swift's bulk delete. The benchmark names every
 * bucket after its run id, so after the S3 clean-up this sweeps whatever a gateway left behind in Swift
 * (segment containers such as {@code b_segments} or {@code b+segments}).
 */
final class SwiftSweeper {

    private SwiftSweeper() {
    }

    /** Every container of the account whose name starts with {@code prefix}. */
    static List<String> containersStartingWith(SwiftAccount account, String prefix) throws SwiftException {
        List<String> names = new ArrayList<>();
        account.containers().listAllContainers(ListingQuery.all().withPrefix(prefix)).stream()
                .map(ContainerEntry::name).forEach(names::add);
        return names;
    }

    /**
     * Switches versioning off and deletes every version (and delete marker) of a versioned container, one by one
     * (Swift's bulk delete takes no version ids), so that the container itself can be deleted.
     */
    static void removeVersions(SwiftAccount account, String container, Logger log) {
        try {
            account.containers().post(container, SwiftHeaders.of("X-Versions-Enabled", "false"));
            List<VersionEntry> versions;
            do {
                versions = account.containers().listVersions(container, ListingQuery.all(), null).entries();
                for (VersionEntry version : versions) {
                    account.objects().deleteVersion(container, version.name(), version.versionId(),
                            SwiftHeaders.empty());
                }
            } while (!versions.isEmpty());
        } catch (SwiftException | RuntimeException e) {
            log.warn("could not remove the versions in container {}: {}", container, e.toString());
        }
    }

    static void removeContainers(SwiftAccount account, List<String> containers, Logger log) {
        for (String container : containers) {
            try {
                empty(account, container);
                account.containers().delete(container);
            } catch (SwiftException | RuntimeException e) {
                log.warn("could not remove container {}: {}", container, e.toString());
            }
        }
    }

    /**
     * Deletes every object of the containers, keeping the containers: before the targets' own clean-up, so that a
     * gateway's DeleteObjects, one Swift DELETE per key, does not have to remove the thousands of small objects the
     * warm-up and the phases wrote (it took minutes on a busy machine).
     */
    static void emptyContainers(SwiftAccount account, List<String> containers, Logger log) {
        for (String container : containers) {
            try {
                empty(account, container);
            } catch (SwiftException | RuntimeException e) {
                log.warn("could not empty container {}: {}", container, e.toString());
            }
        }
    }

    private static void empty(SwiftAccount account, String container) throws SwiftException {
        List<ObjectPath> objects = new ArrayList<>();
        account.containers().listAllObjects(container, ListingQuery.all()).stream()
                .forEach(o -> objects.add(new ObjectPath(container, o.name())));
        if (!objects.isEmpty()) {
            account.bulkDelete().delete(objects);
        }
    }
}
