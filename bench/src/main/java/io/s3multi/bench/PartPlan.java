package io.s3multi.bench;

import java.util.ArrayList;
import java.util.List;

/** How an object of {@code size} bytes splits into parts of {@code partSize} (the last one shorter). */
record PartPlan(int number, long offset, long length) {

    static List<PartPlan> of(long size, long partSize) {
        if (size <= 0 || partSize <= 0) {
            throw new IllegalArgumentException("size and part size must be positive");
        }
        List<PartPlan> parts = new ArrayList<>();
        for (long offset = 0; offset < size; offset += partSize) {
            parts.add(new PartPlan(parts.size() + 1, offset, Math.min(partSize, size - offset)));
        }
        return parts;
    }
}
