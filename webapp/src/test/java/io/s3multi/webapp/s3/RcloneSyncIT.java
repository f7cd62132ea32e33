package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rclone sync} (Debian's rclone, size and modification time, no {@code --checksum}) of a tree of 50 files, 5
 * of them multipart, finds nothing to do the second time, in both of the ways rclone reads times.
 *
 * <p>rclone keeps the local file's time in {@code X-Amz-Meta-Mtime} and, by default, reads it back with a HEAD per
 * object, so a plain second upload would pass even if listings and HEAD disagreed. With
 * {@code --use-server-modtime} it takes the object's time from the listing instead, and a download stamps each
 * file with the {@code Last-Modified} of its GET; syncing that copy back then compares the GET's time with the
 * listing's. Where the two name different seconds, rclone finds every file "changed" and rewrites every object
 * (a server-side copy to set its time), on every run. The test counts the objects Swift rewrote.
 */
class RcloneSyncIT extends S3IntegrationTest {

    private static final String RCLONE = "/usr/bin/rclone";
    private static final int FILES = 50;
    private static final int MULTIPART_FILES = 5;
    private static final int CHUNK = 5 * 1024 * 1024;
    private static final Pattern SAME = Pattern.compile(": Size and modification time the same");
    private static final Pattern ALL_TRANSFERRED = Pattern.compile("Transferred:\\s+50 / 50, 100%");

    @TempDir
    Path work;

    @Test
    void aSecondSyncTransfersNothingWhetherTimesComeFromHeadOrFromTheListing() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        Path tree = writeTree(work.resolve("tree"));
        Path config = writeConfig();

        ToolResult upload = rclone(config, "sync", tree.toString(), "gw:" + bucket);
        assertTrue(ALL_TRANSFERRED.matcher(upload.stderr()).find(), upload.describe());
        assertEquals(MULTIPART_FILES, multipartObjects(bucket), "rclone uploaded the large files by multipart");
        Map<String, String> written = swiftTimestamps(bucket);
        assertEquals(FILES, written.size());

        ToolResult again = rclone(config, "sync", tree.toString(), "gw:" + bucket);
        assertNothingDone(again);

        Path copy = work.resolve("copy");
        ToolResult download = rclone(config, "sync", "gw:" + bucket, copy.toString(), "--use-server-modtime");
        assertTrue(ALL_TRANSFERRED.matcher(download.stderr()).find(), download.describe());
        ToolResult back = rclone(config, "sync", copy.toString(), "gw:" + bucket, "--use-server-modtime");
        assertNothingDone(back);

        assertEquals(written, swiftTimestamps(bucket), "no object was rewritten in Swift");
    }

    private static void assertNothingDone(ToolResult run) {
        String log = run.stderr();
        assertTrue(log.contains("There was nothing to transfer"), run.describe());
        assertFalse(log.contains("Modification times differ"), run.describe());
        assertFalse(log.contains("Updated modification time"), run.describe());
        assertFalse(log.contains("Copied"), run.describe());
        Matcher same = SAME.matcher(log);
        int agreed = 0;
        while (same.find()) {
            agreed++;
        }
        assertEquals(FILES, agreed, run.describe());
    }

    private ToolResult rclone(Path config, String... args) {
        List<String> command = new ArrayList<>(List.of(RCLONE, "--config", config.toString(), "-vv",
                "--s3-upload-cutoff", "5M", "--s3-chunk-size", "5M", "--transfers", "2"));
        command.addAll(List.of(args));
        return tools().withTimeout(Duration.ofMinutes(5)).run(command, null).requireSuccess();
    }

    private Path writeConfig() throws IOException {
        return Files.writeString(work.resolve("rclone.conf"), String.join("\n",
                "[gw]",
                "type = s3",
                "provider = Other",
                "endpoint = " + gateway().endpoint(),
                "access_key_id = " + S3TestGateway.TESTER,
                "secret_access_key = " + S3TestGateway.TESTER_KEY,
                "region = " + S3TestGateway.REGION,
                "force_path_style = true",
                ""));
    }

    /** 45 small files in two directories and 5 files just over one 5 MiB chunk, so rclone sends two parts. */
    private static Path writeTree(Path root) throws IOException {
        var random = new Random(14);
        for (int i = 0; i < FILES - MULTIPART_FILES; i++) {
            byte[] content = new byte[100 + 37 * i];
            random.nextBytes(content);
            Path file = root.resolve("dir" + (i % 2)).resolve("file-" + i + ".txt");
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }
        for (int i = 0; i < MULTIPART_FILES; i++) {
            byte[] content = new byte[CHUNK + 1000 * (i + 1)];
            random.nextBytes(content);
            Files.write(root.resolve("large-" + i + ".bin"), content);
        }
        return root;
    }

    /** Each object's Swift {@code X-Timestamp}: a rewrite of any kind gives it a new one. */
    private static Map<String, String> swiftTimestamps(String bucket) throws SwiftException {
        Map<String, String> timestamps = new HashMap<>();
        for (ObjectEntry entry : swift().containers().listAllObjects(bucket, ListingQuery.all()).stream().toList()) {
            timestamps.put(entry.name(),
                    swift().objects().head(bucket, entry.name(), SwiftHeaders.empty()).header("X-Timestamp"));
        }
        return timestamps;
    }

    private static int multipartObjects(String bucket) throws SwiftException {
        int count = 0;
        for (String key : swiftTimestamps(bucket).keySet()) {
            if ("True".equalsIgnoreCase(swift().objects().head(bucket, key, SwiftHeaders.empty())
                    .header("X-Static-Large-Object"))) {
                count++;
            }
        }
        return count;
    }
}
