package io.s3multi.filters.uploadpage;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.Placement;

/** Creates {@link UploadPageFilter} for the stage {@code upload_page}, with the page the build bundled. */
public final class UploadPageFilterFactory extends DeclaredFilterFactory {

    public UploadPageFilterFactory() {
        super(UploadPageConfig.SETTINGS, Placement.anywhere(), settings -> new UploadPageFilter(
                UploadPageConfig.from(settings), PageFiles.load(UploadPageFilterFactory.class.getClassLoader())));
    }
}
