package io.s3multi.s3.operation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one second S3 shows as an object's modification time: in its {@code Last-Modified} header and as
 * {@code LastModified} in every listing of it.
 *
 * <p>Swift's object server sends {@code Last-Modified} as the object's timestamp rounded <em>up</em> to a whole
 * second, while its container listings carry the same timestamp to the microsecond. Clients compare the two:
 * rclone truncates both to the second and takes a HEAD time that differs as the object's new time, and a sync
 * that stamped a downloaded file with the time of its GET sees the next listing's time differ and copies again.
 * So a listing rounds up exactly as the header does, and both name the same second, written as AWS writes
 * listing times ({@code .000Z}).
 */
public final class ModificationSecond {

    private ModificationSecond() {
    }

    /** The second a Swift timestamp (a listing's {@code last_modified}) is shown as: rounded up, as Swift's header. */
    public static Instant of(Instant swiftTime) {
        Instant whole = swiftTime.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(swiftTime) ? whole : whole.plusSeconds(1);
    }
}
