package io.s3multi.s3.tagging;

import io.s3multi.s3.error.S3Exception;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS's rules for a tag set, per kind of resource: at most 10 tags on an object, 50 on a bucket; keys of 1 to 128
 * and values of 0 to 256 characters; letters, numbers, white space and {@code _ . : / = + - @} only; no key twice;
 * no key starting with {@code aws:} (AWS reserves it for its own tags).
 *
 * <p>Lengths count UTF-16 code units, as AWS does ("Amazon S3 object tags are internally represented in UTF-16.
 * Note that in UTF-16, characters consume either 1 or 2 character positions."). The character classes are AWS's
 * tag pattern {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]}. Refusals carry the codes and messages S3 answers: too many tags is
 * {@code 400 BadRequest}, everything else {@code 400 InvalidTag}.
 */
public enum TagScope {

    OBJECT(10, "Object tags cannot be greater than 10", "Your TagKey cannot be prefixed with aws:"),
    BUCKET(50, "Bucket tag count cannot be greater than 50", "System tags cannot be added/updated by requester");

    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final String RESERVED_PREFIX = "aws:";

    private final int maxTags;
    private final String tooManyMessage;
    private final String reservedPrefixMessage;

    TagScope(int maxTags, String tooManyMessage, String reservedPrefixMessage) {
        this.maxTags = maxTags;
        this.tooManyMessage = tooManyMessage;
        this.reservedPrefixMessage = reservedPrefixMessage;
    }

    /** How many tags one resource of this kind may have. */
    public int maxTags() {
        return maxTags;
    }

    /**
     * Checks a tag set against the rules, in the order S3 reports them: the count first, then each tag.
     *
     * @throws S3Exception {@code BadRequest} for too many tags, {@code InvalidTag} for a tag that breaks a rule
     */
    void validate(List<TagSet.Tag> tags) {
        if (tags.size() > maxTags) {
            throw S3Exception.badRequest(tooManyMessage).withReason("tagCount");
        }
        Set<String> keys = new HashSet<>();
        for (TagSet.Tag tag : tags) {
            String key = tag.key();
            String value = tag.value();
            if (key.length() > MAX_KEY_LENGTH) {
                throw S3Exception.invalidTag("The TagKey you have provided is too long, max " + MAX_KEY_LENGTH)
                        .withReason("keyLength");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw S3Exception.invalidTag("The TagValue you have provided is too long, max " + MAX_VALUE_LENGTH)
                        .withReason("valueLength");
            }
            if (key.isEmpty() || !ALLOWED.matcher(key).matches()) {
                throw S3Exception.invalidTag("The TagKey you have provided is invalid").withReason("keyCharacters");
            }
            if (!ALLOWED.matcher(value).matches()) {
                throw S3Exception.invalidTag("The TagValue you have provided is invalid").withReason("valueCharacters");
            }
            if (key.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
                throw S3Exception.invalidTag(reservedPrefixMessage).withReason("reservedPrefix");
            }
            if (!keys.add(key)) {
                throw S3Exception.invalidTag("Cannot provide multiple Tags with the same key").withReason("duplicateKey");
            }
        }
    }
}
