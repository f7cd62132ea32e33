package io.s3multi.s3.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class S3OperationTest {

    @ParameterizedTest
    @EnumSource(S3Operation.class)
    void constantNameIsTheApiNameInUpperSnakeCase(S3Operation operation) {
        String snake = operation.apiName()
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([a-z])([0-9])", "$1_$2")
                .toUpperCase();
        assertEquals(operation.name(), snake);
    }

    @Test
    void apiNamesAreUnique() {
        assertEquals(S3Operation.values().length,
                Arrays.stream(S3Operation.values()).map(S3Operation::apiName).collect(Collectors.toSet()).size());
    }

    @Test
    void theMultipartOperationsAreTheSevenOfTheMultipartStage() {
        assertEquals(EnumSet.of(S3Operation.CREATE_MULTIPART_UPLOAD, S3Operation.UPLOAD_PART,
                        S3Operation.UPLOAD_PART_COPY, S3Operation.COMPLETE_MULTIPART_UPLOAD,
                        S3Operation.ABORT_MULTIPART_UPLOAD, S3Operation.LIST_PARTS, S3Operation.LIST_MULTIPART_UPLOADS),
                Arrays.stream(S3Operation.values()).filter(S3Operation::isMultipart)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(S3Operation.class))));
    }
}
