package io.s3multi.filters.pipeline;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets a response's {@code Content-Type} byte for byte as given: Swift and S3 hand back the value an object was
 * stored with, and a client may compare it as a string.
 *
 * <p>The servlet API has no way to do this: {@code setContentType} and {@code setHeader("Content-Type")} both go
 * through the container's parser, which rewrites a value with parameters.
 * <ul>
 *   <li>Jetty's ee10 response replaces a value its {@code MimeTypes} knows by Jetty's own spelling
 *       ({@code text/plain; charset=UTF-8} becomes {@code text/plain;charset=utf-8}) unless the system property
 *       {@code org.eclipse.jetty.http.HttpGenerator.STRICT} was true when Jetty's {@code HttpGenerator} class loaded
 *       (WireMock sets it, so a test JVM may not show the rewrite). The response under the servlet layer sends its
 *       headers as they are, so the value goes there.</li>
 *   <li>Tomcat sends its coyote response's content type with {@code ;charset=} and the character encoding appended
 *       whenever a charset is set, so the value goes in as a content type "without charset" and the charset is
 *       cleared. The servlet response's character encoding then reads as the default, which only a writer would
 *       use; the gateway writes these bodies as bytes.</li>
 * </ul>
 * The value is first set the servlet way, keeping the container's own state consistent, then put verbatim by
 * reflection, because a WAR sees neither container's classes (Jetty hides its own from web applications). In another
 * container, or if the internals moved, the container's spelling stays and one warning says so.
 */
public final class VerbatimContentType {

    private static final Logger LOG = LoggerFactory.getLogger(VerbatimContentType.class);
    private static final String JETTY_EE10 = "org.eclipse.jetty.ee10.servlet.";
    private static final String TOMCAT = "org.apache.catalina.connector.";
    private static final ClassValue<Map<String, Method>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static volatile boolean warned;

    private VerbatimContentType() {
    }

    /** Sets {@code Content-Type} to {@code value} exactly, or removes it when {@code value} is null. */
    public static void set(HttpServletResponse response, String value) {
        response.setContentType(value);
        if (value == null || response.isCommitted() || value.equals(response.getContentType())) {
            return;
        }
        ServletResponse container = response;
        while (container instanceof ServletResponseWrapper wrapper) {
            container = wrapper.getResponse();
        }
        try {
            String type = container.getClass().getName();
            if (type.startsWith(JETTY_EE10)) {
                Object headers = call(call(call(container, "getResponse"), "getWrapped"), "getHeaders");
                method(headers, "put", String.class, String.class).invoke(headers, "Content-Type", value);
            } else if (type.startsWith(TOMCAT)) {
                var facade = container.getClass().getDeclaredField("response");
                facade.setAccessible(true);
                Object coyote = call(facade.get(container), "getCoyoteResponse");
                method(coyote, "setCharacterEncoding", String.class).invoke(coyote, (Object) null);
                method(coyote, "setContentTypeNoCharset", String.class).invoke(coyote, value);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warn("Content-Type values go out as {} spells them ({})", container.getClass().getName(),
                        e.toString());
            }
        }
    }

    private static Object call(Object target, String name) throws ReflectiveOperationException {
        return method(target, name).invoke(target);
    }

    /**
     * The public method {@code name} of the target's class, looked up once per class: a lookup by reflection costs
     * microseconds and allocates, on every response whose type the container would respell. Each name is used here
     * with one parameter list, so the name is the key.
     */
    private static Method method(Object target, String name, Class<?>... parameters) throws NoSuchMethodException {
        Map<String, Method> known = METHODS.get(target.getClass());
        Method method = known.get(name);
        if (method == null) {
            method = target.getClass().getMethod(name, parameters);
            method.setAccessible(true);   // public, but possibly on a class that is not
            known.put(name, method);
        }
        return method;
    }
}
