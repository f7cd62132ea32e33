package io.s3multi.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void optionsStandAnywhereAndFlagsTakeNoValue() {
        Arguments args = Arguments.parse("--conf", "gw.properties", "uploads", "abort", "--dry-run",
                "--older-than=7d");
        assertEquals(Optional.of("uploads"), args.word(0));
        assertEquals(Optional.of("abort"), args.word(1));
        assertEquals("gw.properties", args.requireOption("conf"));
        assertEquals("7d", args.requireOption("older-than"));
        assertEquals(true, args.flag("dry-run"));
        args.refuseUnread();
    }

    @Test
    void anOptionNoCommandReadIsRefused() {
        Arguments args = Arguments.parse("usage", "--bucket", "b", "--buckte", "c");
        args.option("bucket");
        assertEquals("unknown option --buckte", assertThrows(UsageException.class, args::refuseUnread).getMessage());
        assertThrows(UsageException.class, () -> Arguments.parse("usage", "--bucket"));
        assertThrows(UsageException.class, () -> Arguments.parse("--bucket", "a", "--bucket", "b"));
    }

    @Test
    void agesInTheirUnits() {
        assertEquals(Duration.ofDays(7), Ages.parse("7d"));
        assertEquals(Duration.ofHours(12), Ages.parse("12h"));
        assertEquals(Duration.ofMinutes(30), Ages.parse("30m"));
        assertEquals(Duration.ofSeconds(45), Ages.parse("45s"));
        assertEquals(Duration.ofSeconds(90), Ages.parse("90"));
        assertThrows(UsageException.class, () -> Ages.parse("7w"));
        assertThrows(UsageException.class, () -> Ages.parse("d"));
        assertEquals("3d4h", Ages.format(Duration.ofHours(76)));
        assertEquals("2h5m", Ages.format(Duration.ofMinutes(125)));
        assertEquals("40s", Ages.format(Duration.ofSeconds(40)));
    }
}
