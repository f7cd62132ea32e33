package io.s3multi.s3.access.acl;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code x-amz-grant-read}, {@code -write}, {@code -read-acp}, {@code -write-acp} and {@code -full-control}
 * headers: each a comma-separated list of grantees, {@code id="<canonical id>"} or {@code uri="<group URI>"}, the
 * value quoted or not: AWS takes both, and awscli's documented {@code --grant-read uri=http://...} and
 * {@code aws s3 cp --grants read=id=...} send it bare.
 *
 * <p>{@code emailAddress="..."} is refused with {@code UnresolvableGrantByEmailAddress}, as AWS answers where it
 * cannot resolve an address: accounts here have no e-mail addresses. Anything else that is not a grantee is
 * {@code InvalidArgument}.
 */
public final class GrantHeaders {

    /** The headers, in the order their grants are listed. */
    public static final List<String> NAMES = List.of("x-amz-grant-full-control", "x-amz-grant-read",
            "x-amz-grant-read-acp", "x-amz-grant-write", "x-amz-grant-write-acp");

    private static final Pattern GRANTEE =
            Pattern.compile("\\s*([A-Za-z]+)\\s*=\\s*(?:\"([^\"]*)\"|([^\",\\s]+))\\s*(,|$)");

    private GrantHeaders() {
    }

    /** Whether any grant header is present. */
    public static boolean present(UnaryOperator<String> header) {
        return NAMES.stream().anyMatch(name -> header.apply(name) != null);
    }

    /** The grants the headers name, in {@link #NAMES} order. */
    public static List<Grant> parse(UnaryOperator<String> header) {
        List<Grant> grants = new ArrayList<>();
        for (String name : NAMES) {
            String value = header.apply(name);
            if (value != null) {
                Permission permission = Permission.valueOf(name.substring("x-amz-grant-".length())
                        .replace('-', '_').toUpperCase(Locale.ROOT));
                for (Grantee grantee : grantees(name, value)) {
                    grants.add(new Grant(grantee, permission));
                }
            }
        }
        return grants;
    }

    private static List<Grantee> grantees(String header, String value) {
        List<Grantee> grantees = new ArrayList<>();
        Matcher matcher = GRANTEE.matcher(value);
        int at = 0;
        while (at < value.length() && matcher.find(at) && matcher.start() == at) {
            String quoted = matcher.group(2);
            grantees.add(grantee(header, matcher.group(1), quoted != null ? quoted : matcher.group(3)));
            at = matcher.end();
        }
        if (at < value.length() || grantees.isEmpty()) {
            throw S3Exception.invalidArgument(header, value, "Invalid grant header.");
        }
        return grantees;
    }

    private static Grantee grantee(String header, String type, String value) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "id" -> AclGrantees.canonicalUser(value, "");
            case "uri" -> AclGrantees.group(value);
            case "emailaddress" -> throw S3Exception.of(S3ErrorCode.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS)
                    .with("EmailAddress", value);
            default -> throw S3Exception.invalidArgument(header, type + "=\"" + value + "\"",
                    "Invalid grantee type: use id or uri.");
        };
    }
}
