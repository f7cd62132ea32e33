package io.s3multi.admin;

import java.time.Duration;
import java.util.Locale;

/** Ages as operators write and read them: {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s} (a bare number: seconds). */
final class Ages {

    private Ages() {
    }

    static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        char unit = trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
        String digits = Character.isDigit(unit) ? trimmed : trimmed.substring(0, Math.max(0, trimmed.length() - 1));
        long amount;
        if (!Character.isDigit(unit) && "dhms".indexOf(unit) < 0) {
            throw new UsageException("'" + text + "' is not an age (write 7d, 12h, 30m, 45s or seconds)");
        }
        try {
            amount = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new UsageException("'" + text + "' is not an age (write 7d, 12h, 30m, 45s or seconds)");
        }
        if (amount < 0) {
            throw new UsageException("'" + text + "' is negative");
        }
        return switch (unit) {
            case 'd' -> Duration.ofDays(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** The age rounded down to its largest unit and the next one: {@code 3d4h}, {@code 2h5m}, {@code 40s}. */
    static String format(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds >= 86_400) {
            return seconds / 86_400 + "d" + seconds % 86_400 / 3600 + "h";
        }
        if (seconds >= 3600) {
            return seconds / 3600 + "h" + seconds % 3600 / 60 + "m";
        }
        if (seconds >= 60) {
            return seconds / 60 + "m" + seconds % 60 + "s";
        }
        return seconds + "s";
    }
}
