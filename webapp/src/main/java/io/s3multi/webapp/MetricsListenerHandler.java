package io.s3multi.webapp;

import io.s3multi.filters.metrics.GatewayMetrics;
import io.s3multi.filters.metrics.MetricsReaders;
import io.s3multi.filters.pipeline.MetricsSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The embedded launcher's metrics listener ({@code metrics.host}:{@code metrics.port}): requests that arrive on its
 * connector are answered here and never reach the gateway's servlet context, so the pipeline, its stages and the S3
 * port know nothing of it. It serves the Prometheus text at {@link MetricsSettings#LISTENER_PATH} to the readers
 * {@link MetricsReaders} admits (403 for another address, 401 without the token) and 404 anywhere else. Requests on
 * the gateway's own connector pass on, at the cost of one comparison.
 */
final class MetricsListenerHandler extends Handler.Wrapper {

    private final Connector metricsConnector;
    private final GatewayMetrics metrics;

    MetricsListenerHandler(Handler gateway, Connector metricsConnector, GatewayMetrics metrics) {
        super(gateway);
        this.metricsConnector = metricsConnector;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getConnectionMetaData().getConnector() != metricsConnector) {
            return super.handle(request, response, callback);
        }
        String method = request.getMethod();
        if (!MetricsSettings.LISTENER_PATH.equals(request.getHttpURI().getPath())) {
            return answer(response, callback, 404, "only " + MetricsSettings.LISTENER_PATH + " is served here\n");
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return answer(response, callback, 405, "GET only\n");
        }
        MetricsReaders.Verdict verdict = metrics.readers().judge(Request.getRemoteAddr(request),
                request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (verdict != MetricsReaders.Verdict.ALLOWED) {
            return answer(response, callback, verdict.status(), verdict.message());
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, GatewayMetrics.CONTENT_TYPE);
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap("HEAD".equals(method) ? new byte[0] : body), callback);
        return true;
    }

    private static boolean answer(Response response, Callback callback, int status, String text) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, text, callback);
        return true;
    }
}
