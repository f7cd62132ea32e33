package io.s3multi.filters.testing;

import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.pipeline.PlainText;
import io.s3multi.filters.pipeline.Placement;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Stages that exist only in tests, to provoke what the real stages must cope with. */
public final class TestStages {

    private TestStages() {
    }

    /** A factory with a name, a placement and a filter, for pipelines made up by tests. */
    public static FilterFactory stage(String name, Placement placement, Filter filter) {
        return new FilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, String> defaults() {
                return Map.of();
            }

            @Override
            public Placement placement() {
                return placement;
            }

            @Override
            public Filter create(FilterSettings settings) {
                return filter;
            }
        };
    }

    /**
     * {@code trouble}: on {@code /explode} (an S3 path) and {@code /v1/explode} (a native Swift path) throws
     * before writing anything; on {@code /explode-late} writes and
     * flushes part of a body, then throws; on {@code /reset-then-answer} resets the response before answering;
     * on {@code /writer} answers three two-byte characters through the writer; on {@code /echo-uri...} reads
     * the body and answers the raw request URI and the bytes read, setting the S3 operation and user
     * attributes when the query is {@code as}; passes everything else on.
     */
    public static FilterFactory trouble() {
        return stage("trouble", Placement.anywhere(), (ServletRequest req, ServletResponse res, FilterChain next) -> {
            var request = (HttpServletRequest) req;
            var response = (HttpServletResponse) res;
            String uri = request.getRequestURI();
            if (uri.equals("/explode") || uri.equals("/v1/explode")) {
                throw new IllegalStateException("secret internals at io.s3multi.Boom.line(42)");
            } else if (uri.equals("/explode-late")) {
                response.setContentLength(1_000_000);
                response.getOutputStream().write(new byte[100_000]);
                response.flushBuffer();
                throw new IOException("failed after commit");
            } else if (uri.equals("/reset-then-answer")) {
                response.setHeader("X-Before-Reset", "gone");
                response.reset();
                PlainText.send(response, 200, "answered after a reset");
            } else if (uri.equals("/writer")) {
                response.setContentType("text/plain;charset=utf-8");
                response.getWriter().print("\u00e4\u00f6\u00fc");
            } else if (uri.startsWith("/echo-uri")) {
                if ("as".equals(request.getQueryString())) {
                    PipelineAttributes.S3_OPERATION.set(request, "PutObject");
                    PipelineAttributes.USER.set(request, "test:tester");
                }
                byte[] body = request.getInputStream().readAllBytes();
                PlainText.send(response, 200, uri + " read=" + body.length);
            } else {
                next.doFilter(req, res);
            }
        });
    }
}
