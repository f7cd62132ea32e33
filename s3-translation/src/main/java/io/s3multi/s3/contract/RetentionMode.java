package io.s3multi.s3.contract;

import java.util.Optional;

/** The two Object Lock retention modes, spelled as S3 spells them (and as they are stored). */
public enum RetentionMode {

    /** Deletable before its date by users allowed to bypass governance ({@code x-amz-bypass-governance-retention}). */
    GOVERNANCE,
    /** Deletable by nobody before its date; the date can only be extended. */
    COMPLIANCE;

    /** The mode an S3 value or a stored value names; empty for anything else (case matters, as on AWS). */
    public static Optional<RetentionMode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (RetentionMode mode : values()) {
            if (mode.name().equals(value.strip())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
