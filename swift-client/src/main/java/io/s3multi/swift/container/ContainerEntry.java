package io.s3multi.swift.container;

import java.time.Instant;

/**
 * One entry of an account listing: a container, or (with a delimiter) a {@code subdir}.
 *
 * @param name         the container name; for a subdir, the subdir
 * @param count        the number of objects (as of the last container update); -1 for a subdir
 * @param bytes        the bytes used; -1 for a subdir
 * @param lastModified when the container was last changed, UTC; {@code null} if Swift did not say
 * @param subdir       the shared prefix, for a subdir entry; {@code null} for a container
 */
public record ContainerEntry(String name, long count, long bytes, Instant lastModified, String subdir) {

    public boolean isSubdir() {
        return subdir != null;
    }
}
