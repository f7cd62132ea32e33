package io.s3multi.s3.xml;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A StAX reader for untrusted request bodies: it refuses any DTD and reads un-namespaced elements as S3 ones.
 *
 * <p>The JDK parser is configured with DTD support, external entities and entity replacement off, external DTD
 * and schema access denied, and a resolver that refuses everything; on top of that any {@code DOCTYPE} event ends
 * the parse, so neither external entities (XXE) nor internal entity expansion ("billion laughs") can run, whatever
 * the parser's defaults are. The JDK's own factory is used ({@link XMLInputFactory#newDefaultFactory()}) so that
 * another StAX implementation on the class path cannot change these guarantees. A factory is made per body:
 * factories are cheap, and the StAX contract does not promise they are thread-safe.
 *
 * <p>S3 clients often send {@code <CompleteMultipartUpload>} without {@code xmlns}; since the documents are bound
 * to qualified S3 elements, JAXB would see no known element and silently produce an empty document. Reporting an
 * element without a namespace as one in {@link S3Xml#NAMESPACE} makes such bodies read like namespaced ones.
 */
final class XmlSafeReader extends StreamReaderDelegate {

    private XmlSafeReader(XMLStreamReader reader) {
        super(reader);
    }

    static XMLStreamReader open(InputStream body) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        var reader = new XmlSafeReader(factory.createXMLStreamReader(body));
        refuseDtd(reader.getEventType());
        return reader;
    }

    @Override
    public int next() throws XMLStreamException {
        return refuseDtd(super.next());
    }

    /** Re-implemented over {@link #next()} so that no event, a DTD in particular, can bypass the check. */
    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || (event == XMLStreamConstants.CHARACTERS && isWhiteSpace())) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected an element", getLocation());
        }
        return event;
    }

    @Override
    public String getNamespaceURI() {
        String namespace = super.getNamespaceURI();
        return isElementEvent() && (namespace == null || namespace.isEmpty()) ? S3Xml.NAMESPACE : namespace;
    }

    @Override
    public QName getName() {
        QName name = super.getName();
        return name.getNamespaceURI().isEmpty() ? new QName(S3Xml.NAMESPACE, name.getLocalPart()) : name;
    }

    private boolean isElementEvent() {
        int event = getEventType();
        return event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT;
    }

    /**
     * Ends the parse at a DTD, and at a reference to an entity other than the five predefined ones (which the
     * parser always replaces): without a DTD such an entity is undeclared, and the JDK reports it as an event
     * that JAXB would silently skip.
     */
    private static int refuseDtd(int event) throws XMLStreamException {
        if (event == XMLStreamConstants.DTD) {
            throw new DoctypeRefused();
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException("undeclared entity reference");
        }
        return event;
    }

    /** A body declared a DTD; S3 documents never need one, and refusing it is what defeats XXE. */
    static final class DoctypeRefused extends XMLStreamException {

        private static final long serialVersionUID = 1L;

        DoctypeRefused() {
            super("DOCTYPE is not allowed in S3 request bodies");
        }
    }
}
