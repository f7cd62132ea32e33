package io.s3multi.s3.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/COMPATIBILITY.md} is the page {@link Compatibility} gives, and {@link Compatibility} covers every
 * {@link S3Operation} and every request the classifier answers {@code NotImplemented}.
 *
 * <p>When an operation changes, edit {@link Compatibility} and regenerate the page with
 * {@code mvn -pl s3-translation -am test -Dtest=CompatibilityReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dreference.update=true}, then commit {@code docs/COMPATIBILITY.md}.
 */
class CompatibilityReferenceTest {

    // surefire runs in the module directory
    private static final Path PAGE = Path.of("..", "docs", "COMPATIBILITY.md");

    @Test
    void theCommittedPageIsTheOneTheTableGives() throws IOException {
        String generated = markdown();
        if (Boolean.getBoolean("reference.update")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(PAGE, StandardCharsets.UTF_8),
                "docs/COMPATIBILITY.md is out of date: rerun this test with -Dreference.update=true");
    }

    @Test
    void everyRequestAnsweredNotImplementedHasItsRowAndNoOtherHasOne() {
        List<String> refused = new ArrayList<>(S3OperationClassifier.UNSUPPORTED_SUBRESOURCES);
        refused.addAll(Compatibility.UNSUPPORTED_FORMS);
        assertEquals(refused, List.copyOf(Compatibility.UNSUPPORTED.keySet()),
                "Compatibility.UNSUPPORTED must list exactly the sub-resources the classifier refuses, in its order,"
                        + " then the other refused request forms");
    }

    @Test
    void optionsIsTheRefusedFormTheTableNames() {
        assertEquals(S3Operation.UNSUPPORTED, classify("OPTIONS", "/bkt/k"));
    }

    private static S3Operation classify(String method, String path) {
        return S3OperationClassifier.classify(Requests.parse(method, path, null));
    }

    static String markdown() {
        StringBuilder page = new StringBuilder();
        page.append("# S3 compatibility\n\n")
                .append("<!-- Generated from s3-translation/src/test/java/io/s3multi/s3/request/Compatibility.java")
                .append(" by CompatibilityReferenceTest; edit that file, not this one. -->\n\n")
                .append("Every S3 operation the gateway recognises, whether it is supported, what is missing where it")
                .append(" is partial, and what AWS does beside it. Requests for anything else named in the second")
                .append(" table are answered `501 NotImplemented` as S3 XML.\n\n")
                .append("## Operations\n\n")
                .append("| Operation | Support | s3multi | AWS |\n")
                .append("|---|---|---|---|\n");
        for (S3Operation operation : S3Operation.values()) {
            if (operation == S3Operation.UNSUPPORTED) {
                continue;
            }
            Compatibility.Row row = Compatibility.of(operation);
            page.append("| ").append(operation.apiName()).append(" | ").append(row.support().label).append(" | ")
                    .append(row.gateway()).append(" | ").append(row.aws()).append(" |\n");
        }
        page.append("\n## Not supported (`NotImplemented`)\n\n")
                .append("| Request | AWS operations | AWS |\n")
                .append("|---|---|---|\n");
        Compatibility.UNSUPPORTED.forEach((request, unsupported) -> page.append("| ")
                .append(request.contains(" ") || request.equals("OPTIONS") ? request : "`?" + request + "`")
                .append(" | ").append(String.join(", ", unsupported.operations())).append(" | ")
                .append(unsupported.aws()).append(" |\n"));
        return page.toString();
    }
}
