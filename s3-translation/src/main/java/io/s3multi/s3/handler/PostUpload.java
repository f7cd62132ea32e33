package io.s3multi.s3.handler;

import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.operation.ObjectMetadata;
import io.s3multi.s3.post.PostForm;
import io.s3multi.s3.post.PostSubmission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A form upload as the PutObject it amounts to: the head of a {@code PUT /<bucket>/<key>} whose headers are the
 * form's fields that PutObject knows ({@code Content-Type}, {@code Cache-Control}, {@code Content-Disposition},
 * {@code Content-Encoding}, {@code Content-Language}, {@code Expires}, {@code x-amz-meta-*},
 * {@code x-amz-checksum-*}, {@code acl} as {@code x-amz-acl}, storage class, encryption and lock fields, which
 * PutObject refuses or applies as it does for headers), and its body, the form's file sent {@code chunked}.
 */
final class PostUpload {

    private static final Set<String> COPIED_AMZ_PREFIXES = Set.of("x-amz-meta-", "x-amz-checksum-",
            "x-amz-server-side-encryption", "x-amz-object-lock-", "x-amz-grant-");
    private static final Set<String> COPIED_AMZ = Set.of("x-amz-storage-class", "x-amz-website-redirect-location",
            "x-amz-tagging");

    private final PostSubmission submission;
    private final RequestHead head;

    private PostUpload(PostSubmission submission, RequestHead head) {
        this.submission = submission;
        this.head = head;
    }

    /** @param post the head of the POST itself, whose {@code Host} the PUT keeps */
    static PostUpload of(PostSubmission submission, RequestHead post, String bucket, String key) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (post.header("Host") != null) {
            headers.put("Host", List.of(post.header("Host")));
        }
        headers.put("Transfer-Encoding", List.of("chunked"));
        PostForm form = submission.form();
        for (Map.Entry<String, String> field : form.fields().entrySet()) {
            String name = field.getKey();
            if (isCopied(name)) {
                headers.put(name, List.of(field.getValue()));
            }
        }
        form.field("acl").ifPresent(acl -> headers.put("x-amz-acl", List.of(acl)));
        return new PostUpload(submission, new RequestHead("PUT", "/" + bucket + "/" + key, null, headers));
    }

    private static boolean isCopied(String lowerCaseName) {
        return COPIED_AMZ.contains(lowerCaseName)
                || COPIED_AMZ_PREFIXES.stream().anyMatch(lowerCaseName::startsWith)
                || ObjectMetadata.CONTENT_HEADERS.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(lowerCaseName));
    }

    RequestHead head() {
        return head;
    }

    /** The file as PutObject's verified body: its checksum fields checked, its size held to the policy. */
    RequestBody openFile(Set<DigestAlgorithm> alsoCompute) {
        return RequestBody.open(submission.file(), head, null, null, alsoCompute);
    }
}
