package io.s3multi.swift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.bulk.BulkDeleteResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bulk delete against the real dev Swift, awkward names included. */
class SwiftBulkDeleteIT {

    private static SwiftBackend backend;
    private static SwiftAccount account;
    private static String container;

    @BeforeAll
    static void start() throws Exception {
        backend = DevSwift.backend();
        account = DevSwift.account(backend);
        container = DevSwift.createContainer(account, "bulk");
    }

    @AfterAll
    static void stop() throws Exception {
        DevSwift.deleteContainer(account, container);
        backend.close();
    }

    @Test
    void deletesEveryNamedObjectAndCountsTheMissingOnes() throws Exception {
        List<String> names = List.of("plain", "a b", "q?x=1", "h#f", "100%", "a+b", "dir/x", "/lead", "tail/", "ü😀",
                " spaced ");
        List<ObjectPath> paths = new ArrayList<>();
        for (String name : names) {
            account.objects().put(container, name, new byte[] {42}, SwiftHeaders.empty());
            paths.add(new ObjectPath(container, name));
        }
        account.objects().put(container, "keep", new byte[] {1}, SwiftHeaders.empty());
        paths.add(new ObjectPath(container, "never-existed"));

        BulkDeleteResult result = account.bulkDelete().delete(paths);

        assertEquals(names.size(), result.deleted());
        assertEquals(1, result.notFound());
        assertTrue(result.isComplete(), result.errors().toString());
        assertEquals(List.of("keep"), DevSwift.names(account, container));
    }
}
