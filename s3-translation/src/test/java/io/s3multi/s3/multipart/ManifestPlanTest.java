package io.s3multi.s3.multipart;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestPlanTest {

    @Test
    void fewPartsNeedNoNesting() {
        ManifestPlan plan = ManifestPlan.of(1000, 1000);
        assertTrue(plan.isFlat());
        assertEquals(1000, plan.rootChildren());
        assertEquals(0, plan.subManifestCount());
    }

    @Test
    void twentyFivePartsInTensMakeThreeSubManifests() {
        ManifestPlan plan = ManifestPlan.of(25, 10);
        assertEquals(List.of(List.of(new ManifestPlan.Group(0, 10), new ManifestPlan.Group(10, 20),
                new ManifestPlan.Group(20, 25))), plan.levels());
        assertEquals(3, plan.rootChildren());
    }

    @Test
    void tenThousandPartsFitEveryLimit() {
        for (int max : new int[]{2, 3, 10, 100, 1000}) {
            ManifestPlan plan = ManifestPlan.of(10_000, max);
            assertTrue(plan.rootChildren() <= max);
            int below = 10_000;
            for (List<ManifestPlan.Group> level : plan.levels()) {
                // The groups tile the level below exactly, in order, none larger than the limit.
                int next = 0;
                for (ManifestPlan.Group group : level) {
                    assertEquals(next, group.from());
                    assertTrue(group.size() >= 1 && group.size() <= max);
                    next = group.to();
                }
                assertEquals(below, next);
                below = level.size();
            }
            assertEquals(below, plan.rootChildren());
        }
        assertEquals(2, ManifestPlan.of(10_000, 1000).levels().size() + 1);
        assertEquals(4, ManifestPlan.of(10_000, 10).levels().size() + 1);
    }

    @Test
    void refusesDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> ManifestPlan.of(0, 10));
        assertThrows(IllegalArgumentException.class, () -> ManifestPlan.of(10, 1));
    }
}
