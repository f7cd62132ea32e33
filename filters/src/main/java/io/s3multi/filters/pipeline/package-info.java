/**
 * The pipeline: configuration, validation, and the installer that turns {@code proxy-server.properties} into
 * real servlet filters of the container, in order.
 *
 * <h2>How a configuration becomes a chain</h2>
 * <pre>
 * ConfigLoader          finds the file (--conf, -Ds3multi.conf, $S3MULTI_CONF, classpath), applies -Ds3multi.*
 *   -&gt; GatewayConfig   pipeline line, server.host/port, filter.&lt;name&gt;.&lt;setting&gt;
 * PipelineInstaller     PipelineValidator (names, settings, placements) -&gt; FilterFactory.create per stage
 *   -&gt; ServletContext.addFilter(name, filter) + mapping "/*" (REQUEST, after earlier ones)
 * </pre>
 * The WAR runs the installer from {@link io.s3multi.filters.pipeline.PipelineInitializer}; the embedded
 * launcher calls it directly. Stages are found by name through {@link java.util.ServiceLoader}
 * ({@link io.s3multi.filters.pipeline.FilterFactory}); no class name ever appears in the configuration.
 *
 * <h2>Settings</h2>
 * Each setting is declared once, as a {@link io.s3multi.filters.pipeline.Setting} (key, default, parser,
 * meaning) in one {@link io.s3multi.filters.pipeline.DeclaredSettings} list per stage (in the stage's
 * {@code *Config}) and one for the top level ({@link io.s3multi.filters.pipeline.TopLevelSettings}). The defaults,
 * the refusal of unknown keys and bad values, and {@code docs/CONFIGURATION.md}
 * ({@link io.s3multi.filters.pipeline.ConfigurationReference}) are derived from them. The top-level
 * {@code storage_domain}, {@code region} and {@code swift_url} reach every stage
 * ({@link io.s3multi.filters.pipeline.SharedSettings}); a stage's own {@code swift_url} wins over the top-level one.
 *
 * <h2>The contract of a stage</h2>
 * A stage MAY
 * <ul>
 *   <li>pass the request on untouched when it does not own it (the usual case);</li>
 *   <li>answer the request fully and not call the next stage;</li>
 *   <li>wrap the request or response (to count or observe) and call the next stage once.</li>
 * </ul>
 * A stage MUST NOT
 * <ul>
 *   <li>answer <em>and</em> call the next stage, or call it more than once;</li>
 *   <li>read the request body unless it answers the request or wraps the stream for the next stage;</li>
 *   <li>change status or headers after the next stage has committed the response;</li>
 *   <li>parse paths from anything but {@link io.s3multi.filters.pipeline.RawPath} (the undecoded request URI).</li>
 * </ul>
 * Per-request state travels in the typed attributes of {@link io.s3multi.filters.pipeline.PipelineAttributes}.
 * A request reaching the terminal stage (proxy_server) is one that no earlier stage answered.
 */
package io.s3multi.filters.pipeline;
