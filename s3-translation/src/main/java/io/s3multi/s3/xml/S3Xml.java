package io.s3multi.s3.xml;

import io.s3multi.s3.error.S3Exception;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and reads the S3 XML documents of {@code io.s3multi.s3.xml.documents}: the only way the gateway turns
 * XML into objects or objects into XML.
 *
 * <h2>Writing</h2>
 * {@link #write(Object, OutputStream)} streams a document as UTF-8 with AWS's declaration and the S3 namespace as
 * the default namespace, so the root reads {@code <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">}
 * and no element carries a prefix. Characters XML 1.0 cannot carry (most control characters, which S3 keys may
 * contain) are written as U+FFFD (see {@code XmlTextAdapter}); a client that needs such keys exactly asks for
 * {@code encoding-type=url}.
 *
 * <h2>Reading untrusted bodies</h2>
 * {@link #read(InputStream, Class, long)} parses a request body:
 * <ul>
 *   <li>with StAX from the JDK, DTDs and external entities switched off, and any {@code <!DOCTYPE>} refused,
 *       so XXE and entity-expansion ("billion laughs") bodies fail before anything is resolved;</li>
 *   <li>reading at most {@code maxBytes}: one byte more and the request fails with
 *       {@code MaxMessageLengthExceeded}, however the parser was doing;</li>
 *   <li>accepting bodies without {@code xmlns}, as clients send them (an element with no namespace is read as
 *       if it were in the S3 namespace);</li>
 *   <li>failing with {@code MalformedXML} for anything not well-formed, a root element other than the
 *       document's, text that does not convert (e.g. a non-numeric number), or content after the root;
 *       elements the document does not know are ignored, as newer SDKs add fields.</li>
 * </ul>
 * A failure raised by the body stream itself (e.g. a payload signature or checksum mismatch thrown as an
 * {@link S3Exception}) surfaces unchanged; any other {@link IOException} of the stream surfaces as
 * {@link UncheckedIOException}, because a broken connection is not the client's malformed XML.
 *
 * <h2>Contexts</h2>
 * Each document class gets its own cached {@link JAXBContext} (thread-safe; marshallers and unmarshallers are
 * created per call, as they are not). One context per document also keeps namespaced and un-namespaced types
 * from ever sharing a context, which is what makes JAXB print {@code ns2:} prefixes. The {@code <Error>}
 * document is not a JAXB type at all: {@link io.s3multi.s3.error.S3ErrorXml} writes it.
 */
public final class S3Xml {

    private static final Logger LOG = LoggerFactory.getLogger(S3Xml.class);

    /** The namespace of every S3 document except {@code <Error>}. */
    public static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    /**
     * Cap for a CompleteMultipartUpload body: 10,000 parts, each with an ETag and one checksum, written with
     * generous white space, stay below 4 MiB (a compact body of 10,000 parts is about 1.2 MiB).
     */
    public static final long MAX_COMPLETE_MULTIPART_UPLOAD_BYTES = 4L * 1024 * 1024;

    /**
     * Cap for a DeleteObjects body: 1,000 keys of up to 1,024 UTF-8 bytes each, with room for escaping and
     * version ids.
     */
    public static final long MAX_DELETE_OBJECTS_BYTES = 2L * 1024 * 1024;

    /** Cap for small configuration bodies: CreateBucketConfiguration, VersioningConfiguration, ACLs, Tagging. */
    public static final long MAX_CONFIGURATION_BYTES = 64L * 1024;

    private static final byte[] DECLARATION =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8);

    private static final ClassValue<JAXBContext> CONTEXTS = new ClassValue<>() {
        @Override
        protected JAXBContext computeValue(Class<?> type) {
            try {
                return JAXBContext.newInstance(type);
            } catch (JAXBException e) {
                throw new IllegalStateException("not a usable JAXB document class: " + type.getName(), e);
            }
        }
    };

    private S3Xml() {
    }

    /**
     * Writes {@code document} (an instance of a class in {@code io.s3multi.s3.xml.documents}) to {@code out},
     * which is left open.
     *
     * @throws UncheckedIOException if {@code out} fails
     */
    public static void write(Object document, OutputStream out) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(out, "out");
        try {
            // JAXB's own declaration would add standalone="yes"; AWS's has none.
            out.write(DECLARATION);
            Marshaller marshaller = context(document.getClass()).createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            marshaller.marshal(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JAXBException e) {
            IOException io = Causes.find(e, IOException.class);
            if (io != null) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("cannot write " + document.getClass().getName(), e);
        }
    }

    /** The document as bytes; for small documents and tests. */
    public static byte[] toBytes(Object document) {
        var out = new ByteArrayOutputStream(512);
        write(document, out);
        return out.toByteArray();
    }

    /**
     * Reads a request body that must be a {@code type} document.
     *
     * @throws S3Exception {@code MalformedXML} for an empty or malformed body, {@code MaxMessageLengthExceeded}
     *                     for a body longer than {@code maxBytes}, or whatever the body stream itself threw
     */
    public static <T> T read(InputStream body, Class<T> type, long maxBytes) {
        return readIfPresent(body, type, maxBytes).orElseThrow(S3Exception::malformedXml);
    }

    /**
     * Reads a request body that may be empty (e.g. CreateBucket without a configuration); empty when the body has
     * no bytes at all. Otherwise as {@link #read(InputStream, Class, long)}.
     */
    public static <T> Optional<T> readIfPresent(InputStream body, Class<T> type, long maxBytes) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(type, "type");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        QName expectedRoot = rootName(type);
        var capped = new CappedBody(body, maxBytes);
        var pushback = new PushbackInputStream(capped, 1);
        try {
            int first = pushback.read();
            if (first < 0) {
                return Optional.empty();
            }
            pushback.unread(first);
            return Optional.of(parse(pushback, type, expectedRoot));
        } catch (IOException | JAXBException | XMLStreamException | RuntimeException e) {
            throw readFailure(e, capped, maxBytes);
        }
    }

    private static <T> T parse(InputStream body, Class<T> type, QName expectedRoot)
            throws JAXBException, XMLStreamException {
        XMLStreamReader reader = XmlSafeReader.open(body);
        try {
            Unmarshaller unmarshaller = context(type).createUnmarshaller();
            unmarshaller.setEventHandler(S3Xml::continueAfter);
            JAXBElement<T> root = unmarshaller.unmarshal(reader, type);
            if (!root.getName().equals(expectedRoot)) {
                throw new XMLStreamException("unexpected root element " + root.getName());
            }
            while (reader.hasNext()) {
                reader.next();  // reads to the end: junk after the root, or a body over the cap, fails here
            }
            return root.getValue();
        } finally {
            reader.close();
        }
    }

    /**
     * Unknown elements are reported without a linked exception and are skipped; a value that does not convert
     * comes with one and ends the parse, instead of JAXB's default of leaving the field empty.
     */
    private static boolean continueAfter(ValidationEvent event) {
        return event.getSeverity() == ValidationEvent.WARNING
                || (event.getSeverity() == ValidationEvent.ERROR && event.getLinkedException() == null);
    }

    private static RuntimeException readFailure(Exception e, CappedBody body, long maxBytes) {
        if (body.overflowed()) {
            return S3Exception.maxMessageLengthExceeded(maxBytes);
        }
        if (body.failure() instanceof RuntimeException fromStream) {
            return fromStream;  // e.g. the S3Exception of a payload signature or checksum check
        }
        if (body.failure() instanceof IOException broken) {
            return new UncheckedIOException(broken);
        }
        if (e instanceof RuntimeException unexpected) {
            return unexpected;  // JAXB reports bad input as JAXBException; anything else is our bug, not a 400
        }
        LOG.debug("malformed XML request body", e);
        S3Exception malformed = S3Exception.malformedXml();
        return Causes.find(e, XmlSafeReader.DoctypeRefused.class) == null ? malformed : malformed.withReason("doctype");
    }

    private static QName rootName(Class<?> type) {
        XmlRootElement root = type.getAnnotation(XmlRootElement.class);
        if (root == null) {
            throw new IllegalArgumentException(type.getName() + " is not an S3 XML document");
        }
        return new QName(NAMESPACE, root.name());
    }

    private static JAXBContext context(Class<?> type) {
        return CONTEXTS.get(type);
    }
}
