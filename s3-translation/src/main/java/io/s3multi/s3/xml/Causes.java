package io.s3multi.s3.xml;

import jakarta.xml.bind.JAXBException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * Finds a failure of a given type behind the wrappers JAXB and StAX put around it. Both keep the original in
 * their own fields ({@link JAXBException#getLinkedException()}, {@link XMLStreamException#getNestedException()})
 * as well as, sometimes, in {@link Throwable#getCause()}.
 */
final class Causes {

    private Causes() {
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof JAXBException jaxb && jaxb.getLinkedException() != null) {
            return jaxb.getLinkedException();
        }
        if (t instanceof XMLStreamException stax && stax.getNestedException() != null) {
            return stax.getNestedException();
        }
        return t.getCause();
    }
}
