package io.s3multi.s3.multipart;

import java.util.ArrayList;
import java.util.List;

/**
 * How the parts of a completed upload become SLO manifests when there are more of them than Swift's
 * {@code max_manifest_segments} allows in one: a tree whose leaves are the parts in order, whose inner nodes
 * are sub-manifests of at most {@code maxSegments} children, and whose root is the object's own manifest.
 *
 * <pre>
 * 25 parts, maxSegments 10:
 *   level 1:  [1-10] [11-20] [21-25]      three sub-manifests  manifests/&lt;id&gt;/1-00000 .. 1-00002
 *   root:     [ 1-00000, 1-00001, 1-00002 ]                    the object bucket/key
 * </pre>
 *
 * <p>Sub-manifests are written bottom-up (each needs its children's ETags and sizes), level by level. Swift
 * reads nested SLOs up to 10 deep; 10,000 parts need 2 levels at the default of 1,000 and 4 at 10.
 *
 * @param levels the groups of each level below the root, bottom-up; every group is a range of indexes
 *               into the level below (level 0 below the first is the parts themselves)
 * @param rootChildren how many children the root has: the size of the top level, or the number of parts
 */
public record ManifestPlan(List<List<Group>> levels, int rootChildren) {

    /** Children {@code from} (inclusive) to {@code to} (exclusive) of the level below. */
    public record Group(int from, int to) {
        public int size() {
            return to - from;
        }
    }

    public ManifestPlan {
        levels = levels.stream().map(List::copyOf).toList();
    }

    /** The tree for {@code parts} parts with at most {@code maxSegments} segments per manifest. */
    public static ManifestPlan of(int parts, int maxSegments) {
        if (parts < 1) {
            throw new IllegalArgumentException("a manifest needs at least one part");
        }
        if (maxSegments < 2) {
            throw new IllegalArgumentException("nesting needs at least 2 segments per manifest: " + maxSegments);
        }
        List<List<Group>> levels = new ArrayList<>();
        int width = parts;
        while (width > maxSegments) {
            List<Group> level = new ArrayList<>();
            for (int from = 0; from < width; from += maxSegments) {
                level.add(new Group(from, Math.min(width, from + maxSegments)));
            }
            levels.add(level);
            width = level.size();
        }
        return new ManifestPlan(levels, width);
    }

    /** Whether the object's manifest lists the parts directly. */
    public boolean isFlat() {
        return levels.isEmpty();
    }

    /** How many sub-manifests the plan writes. */
    public int subManifestCount() {
        return levels.stream().mapToInt(List::size).sum();
    }
}
