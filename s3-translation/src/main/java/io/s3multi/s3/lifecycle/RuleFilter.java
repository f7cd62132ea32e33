package io.s3multi.s3.lifecycle;

import java.util.Map;
import java.util.Objects;

/**
 * Which objects a lifecycle rule applies to: every condition must hold (a {@code <Filter>} with one condition, or
 * an {@code <And>} of several, or the older rule-level {@code <Prefix>}).
 *
 * @param prefix      the key must start with it ({@code ""}: every key)
 * @param tags        the object must carry each of these tags with exactly this value
 * @param sizeAbove   the object must be larger than this many bytes, or null
 * @param sizeBelow   the object must be smaller than this many bytes, or null
 */
public record RuleFilter(String prefix, Map<String, String> tags, Long sizeAbove, Long sizeBelow) {

    /** The filter of a rule that names none: every object. */
    public static final RuleFilter EVERYTHING = new RuleFilter("", Map.of(), null, null);

    public RuleFilter {
        Objects.requireNonNull(prefix, "prefix");
        tags = Map.copyOf(tags);
    }

    /** Whether the filter looks at tags (then an object's tags must be read before it can be matched). */
    public boolean needsTags() {
        return !tags.isEmpty();
    }

    /** Whether the key alone could match (the cheap test before a size or tag is looked at). */
    public boolean mayMatch(String key) {
        return key.startsWith(prefix);
    }

    /** Whether an object of this key, size and tags matches. */
    public boolean matches(String key, long size, Map<String, String> objectTags) {
        return mayMatch(key)
                && (sizeAbove == null || size > sizeAbove)
                && (sizeBelow == null || size < sizeBelow)
                && tags.entrySet().stream().allMatch(tag -> tag.getValue().equals(objectTags.get(tag.getKey())));
    }
}
