package io.s3multi.s3.archfixture;

import io.s3multi.filters.pipeline.ConfigLoader;

/**
 * A deliberate violation for ArchitectureRulesCatchViolationsTest:
 * s3-translation must not know filters.
 */
public class TranslationThatKnowsFilters {

    ConfigLoader loader;
}
