package io.s3multi.webapp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Pattern;

/**
 * The dependency rules the build keeps (issue 11, item 8); {@link ArchitectureTest} checks them against the
 * gateway's classes, {@link ArchitectureRulesCatchViolationsTest} shows each one failing on a deliberate
 * violation. They live in webapp's tests because webapp sees the classes of every module.
 */
final class ArchitectureRules {

    static final String SWIFT_CLIENT = "io.s3multi.swift..";
    static final String S3_TRANSLATION = "io.s3multi.s3..";
    static final String FILTERS = "io.s3multi.filters..";
    static final String WEBAPP = "io.s3multi.webapp..";
    static final String CONTRACT = "io.s3multi.s3.contract..";
    static final String OPERATION = "io.s3multi.s3.operation..";
    static final String HANDLER = "io.s3multi.s3.handler..";
    static final String MULTIPART = "io.s3multi.s3.multipart..";

    /**
     * What spells a name of the storage contract: reserved metadata in every prefix Swift or S3 files it under
     * ({@code X-Object-Meta-S3multi-}, {@code x-amz-meta-s3multi-}, {@code X-Remove-Object-Meta-S3multi-}), the
     * title-case Swift spelling {@code S3multi-} on its own, the {@code s3multi_} content-type parameters, the
     * {@code application/x-s3multi-*} content types, the bucket registry's owner header, and a literal that is
     * exactly the suffix {@code _segments} or one of the prefixes in {@code <bucket>_segments}.
     */
    static final Pattern RESERVED_NAME = Pattern.compile("(?i:meta-s3multi)|S3multi-|s3multi_|(?i:x-s3multi-)"
            + "|(?i:x-container-meta-owner-account)|^(_segments|uploads/|parts/|manifests/|claims/)$");

    // Modules: swift-client <- s3-translation <- filters <- webapp.

    static final ArchRule SWIFT_CLIENT_KNOWS_NO_OTHER_MODULE = noClasses().that().resideInAPackage(SWIFT_CLIENT)
            .should().dependOnClassesThat().resideInAnyPackage(S3_TRANSLATION, FILTERS, WEBAPP)
            .because("modules depend one way: swift-client <- s3-translation <- filters <- webapp");

    static final ArchRule S3_TRANSLATION_KNOWS_NEITHER_FILTERS_NOR_WEBAPP = noClasses().that()
            .resideInAPackage(S3_TRANSLATION)
            .should().dependOnClassesThat().resideInAnyPackage(FILTERS, WEBAPP)
            .because("modules depend one way: swift-client <- s3-translation <- filters <- webapp");

    static final ArchRule FILTERS_KNOW_NOTHING_OF_WEBAPP = noClasses().that().resideInAPackage(FILTERS)
            .should().dependOnClassesThat().resideInAPackage(WEBAPP)
            .because("modules depend one way: swift-client <- s3-translation <- filters <- webapp");

    static final ArchRule SERVLET_API_ONLY_IN_FILTERS_AND_WEBAPP = noClasses().that()
            .resideOutsideOfPackages(FILTERS, WEBAPP)
            .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
            .because("the S3 protocol and the Swift client are plain Java; filters are the glue to the servlet API");

    // Inside s3-translation: handler -> multipart -> operation -> contract.

    static final ArchRule CONTRACT_IS_BELOW_EVERYTHING = noClasses().that().resideInAPackage(CONTRACT)
            .should().dependOnClassesThat().resideInAnyPackage(OPERATION, HANDLER, MULTIPART)
            .because("the storage contract says what is written into Swift; the operations that write it use it");

    static final ArchRule OPERATION_IS_BELOW_HANDLER_AND_MULTIPART = noClasses().that().resideInAPackage(OPERATION)
            .should().dependOnClassesThat().resideInAnyPackage(HANDLER, MULTIPART)
            .because("handlers and multipart share the operation types; the types know neither");

    static final ArchRule MULTIPART_IS_BELOW_HANDLER = noClasses().that().resideInAPackage(MULTIPART)
            .should().dependOnClassesThat().resideInAPackage(HANDLER)
            .because("the object handlers use multipart (an object's parts and leftovers), never the reverse");

    /** Per package of s3-translation (handler, handler.object and handler.bucket are three slices). */
    static final ArchRule S3_PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("io.s3multi.s3.(**)")
            .should().beFreeOfCycles();

    /** The storage contract is spelled in one package: no other class holds one of its names as a string. */
    static final ArchRule ONLY_THE_CONTRACT_SPELLS_RESERVED_NAMES = classes().that().resideOutsideOfPackage(CONTRACT)
            .and().areTopLevelClasses()
            .should(notSpellAReservedName())
            .because("every name s3multi writes into Swift is declared once, in " + CONTRACT);

    // Inside filters: the pipeline is the bottom layer of the S3 stages' support code.

    static final ArchRule PIPELINE_KNOWS_NOTHING_OF_S3_STAGES = noClasses().that()
            .resideInAPackage("io.s3multi.filters.pipeline..")
            .should().dependOnClassesThat().resideInAPackage("io.s3multi.filters.s3..")
            .because("the pipeline installs any stage; the S3 stages' shared code (filters.s3) builds on it, one way");

    private ArchitectureRules() {
    }

    /** A condition on the literals of a class's source file ({@link SourceLiterals} says why not its class file). */
    private static ArchCondition<JavaClass> notSpellAReservedName() {
        return new ArchCondition<>("not spell a name reserved for the storage contract") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (String literal : SourceLiterals.of(javaClass)) {
                    if (RESERVED_NAME.matcher(literal).find()) {
                        events.add(SimpleConditionEvent.violated(javaClass,
                                javaClass.getName() + " spells \"" + literal + "\""));
                    }
                }
            }
        };
    }
}
