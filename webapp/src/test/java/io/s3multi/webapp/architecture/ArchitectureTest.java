package io.s3multi.webapp.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The gateway's classes (every module's main classes, no tests) keep the rules of {@link ArchitectureRules}. */
class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.s3multi");

    @Test
    void swiftClientKnowsNoOtherModule() {
        ArchitectureRules.SWIFT_CLIENT_KNOWS_NO_OTHER_MODULE.check(GATEWAY);
    }

    @Test
    void s3TranslationKnowsNeitherFiltersNorWebapp() {
        ArchitectureRules.S3_TRANSLATION_KNOWS_NEITHER_FILTERS_NOR_WEBAPP.check(GATEWAY);
    }

    @Test
    void filtersKnowNothingOfWebapp() {
        ArchitectureRules.FILTERS_KNOW_NOTHING_OF_WEBAPP.check(GATEWAY);
    }

    @Test
    void servletApiOnlyInFiltersAndWebapp() {
        ArchitectureRules.SERVLET_API_ONLY_IN_FILTERS_AND_WEBAPP.check(GATEWAY);
    }

    @Test
    void contractIsBelowEverything() {
        ArchitectureRules.CONTRACT_IS_BELOW_EVERYTHING.check(GATEWAY);
    }

    @Test
    void operationIsBelowHandlerAndMultipart() {
        ArchitectureRules.OPERATION_IS_BELOW_HANDLER_AND_MULTIPART.check(GATEWAY);
    }

    @Test
    void multipartIsBelowHandler() {
        ArchitectureRules.MULTIPART_IS_BELOW_HANDLER.check(GATEWAY);
    }

    @Test
    void s3PackagesAreFreeOfCycles() {
        ArchitectureRules.S3_PACKAGES_ARE_FREE_OF_CYCLES.check(GATEWAY);
    }

    @Test
    void onlyTheContractSpellsReservedNames() {
        ArchitectureRules.ONLY_THE_CONTRACT_SPELLS_RESERVED_NAMES.check(GATEWAY);
    }

    @Test
    void pipelineKnowsNothingOfS3Stages() {
        ArchitectureRules.PIPELINE_KNOWS_NOTHING_OF_S3_STAGES.check(GATEWAY);
    }

    @Test
    void theImportSawEveryModule() {
        // A rule over no classes passes; make sure each module's classes were found.
        for (String module : new String[] {"io.s3multi.swift", "io.s3multi.s3.contract", "io.s3multi.filters",
                "io.s3multi.webapp"}) {
            org.junit.jupiter.api.Assertions.assertTrue(GATEWAY.containPackage(module), module);
        }
    }
}
