package io.s3multi.webapp.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.s3multi.filters.archfixture.FilterThatKnowsWebapp;
import io.s3multi.filters.pipeline.archfixture.PipelineThatKnowsS3;
import io.s3multi.s3.archfixture.TranslationThatKnowsFilters;
import io.s3multi.s3.archfixture.TranslationThatUsesServlets;
import io.s3multi.s3.contract.archfixture.ContractThatKnowsAHandler;
import io.s3multi.s3.handler.archfixture.HandlerSide;
import io.s3multi.s3.handler.archfixture.HandlerThatSpellsAReservedName;
import io.s3multi.s3.handler.archfixture.HandlerThatUsesTheContract;
import io.s3multi.s3.multipart.archfixture.MultipartSide;
import io.s3multi.s3.operation.archfixture.OperationThatKnowsMultipart;
import io.s3multi.swift.archfixture.SwiftClientThatKnowsTheContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} fails on a deliberate violation (the classes in the {@code archfixture}
 * packages of these tests), naming the violating class: a rule that cannot fail would prove nothing.
 */
class ArchitectureRulesCatchViolationsTest {

    @Test
    void swiftClientThatKnowsS3TranslationFails() {
        assertViolatedBy(ArchitectureRules.SWIFT_CLIENT_KNOWS_NO_OTHER_MODULE, SwiftClientThatKnowsTheContract.class);
    }

    @Test
    void s3TranslationThatKnowsFiltersFails() {
        assertViolatedBy(ArchitectureRules.S3_TRANSLATION_KNOWS_NEITHER_FILTERS_NOR_WEBAPP,
                TranslationThatKnowsFilters.class);
    }

    @Test
    void filterThatKnowsWebappFails() {
        assertViolatedBy(ArchitectureRules.FILTERS_KNOW_NOTHING_OF_WEBAPP, FilterThatKnowsWebapp.class);
    }

    @Test
    void servletApiOutsideFiltersAndWebappFails() {
        assertViolatedBy(ArchitectureRules.SERVLET_API_ONLY_IN_FILTERS_AND_WEBAPP, TranslationThatUsesServlets.class);
    }

    @Test
    void contractThatKnowsAHandlerFails() {
        assertViolatedBy(ArchitectureRules.CONTRACT_IS_BELOW_EVERYTHING, ContractThatKnowsAHandler.class);
    }

    @Test
    void operationThatKnowsMultipartFails() {
        assertViolatedBy(ArchitectureRules.OPERATION_IS_BELOW_HANDLER_AND_MULTIPART,
                OperationThatKnowsMultipart.class);
    }

    @Test
    void multipartThatKnowsAHandlerFails() {
        assertViolatedBy(ArchitectureRules.MULTIPART_IS_BELOW_HANDLER, MultipartSide.class);
    }

    @Test
    void handlerAndMultipartKnowingEachOtherIsACycle() {
        EvaluationResult result = ArchitectureRules.S3_PACKAGES_ARE_FREE_OF_CYCLES
                .evaluate(importClasses(HandlerSide.class, MultipartSide.class));
        assertTrue(result.hasViolation());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("Cycle detected: Slice handler") && report.contains("Slice multipart"), report);
    }

    @Test
    void aReservedNameSpelledOutsideTheContractFails() {
        assertViolatedBy(ArchitectureRules.ONLY_THE_CONTRACT_SPELLS_RESERVED_NAMES,
                HandlerThatSpellsAReservedName.class);
    }

    @Test
    void aReservedNameUsedThroughTheContractPasses() {
        EvaluationResult result = ArchitectureRules.ONLY_THE_CONTRACT_SPELLS_RESERVED_NAMES
                .evaluate(importClasses(HandlerThatUsesTheContract.class));
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }

    @Test
    void pipelineThatKnowsS3StagesFails() {
        assertViolatedBy(ArchitectureRules.PIPELINE_KNOWS_NOTHING_OF_S3_STAGES, PipelineThatKnowsS3.class);
    }

    @Test
    void literalsAreReadOutsideCommentsAndWithEscapes() {
        String java = "// \"X-Object-Meta-S3multi-Etag\"\n/* \"s3multi_etag\" */ char q = '\"';\n"
                + "String a = \"x\\\"y\"; String b = \"\"\"\n  text\n  \"\"\";";
        assertEquals(List.of("x\\\"y", "\n  text\n  "), SourceLiterals.literals(java));
    }

    private static void assertViolatedBy(ArchRule rule, Class<?> violation) {
        EvaluationResult result = rule.evaluate(importClasses(violation));
        assertTrue(result.hasViolation(), rule.getDescription());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(violation.getName()), report);
    }

    private static JavaClasses importClasses(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
