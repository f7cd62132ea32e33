package io.s3multi.webapp;

import java.security.Principal;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/** The JDK's session of a {@link WideReadEngine}, reporting a packet buffer of at least the given size. */
final class WideReadSession extends ExtendedSSLSession {

    private final SSLSession session;
    private final int minimumPacketBufferSize;

    WideReadSession(SSLSession session, int minimumPacketBufferSize) {
        this.session = session;
        this.minimumPacketBufferSize = minimumPacketBufferSize;
    }

    boolean wraps(SSLSession other) {
        return session == other;
    }

    @Override
    public int getPacketBufferSize() {
        return Math.max(minimumPacketBufferSize, session.getPacketBufferSize());
    }

    @Override
    public int getApplicationBufferSize() {
        return session.getApplicationBufferSize();
    }

    @Override
    public byte[] getId() {
        return session.getId();
    }

    @Override
    public SSLSessionContext getSessionContext() {
        return session.getSessionContext();
    }

    @Override
    public long getCreationTime() {
        return session.getCreationTime();
    }

    @Override
    public long getLastAccessedTime() {
        return session.getLastAccessedTime();
    }

    @Override
    public void invalidate() {
        session.invalidate();
    }

    @Override
    public boolean isValid() {
        return session.isValid();
    }

    @Override
    public void putValue(String name, Object value) {
        session.putValue(name, value);
    }

    @Override
    public Object getValue(String name) {
        return session.getValue(name);
    }

    @Override
    public void removeValue(String name) {
        session.removeValue(name);
    }

    @Override
    public String[] getValueNames() {
        return session.getValueNames();
    }

    @Override
    public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
        return session.getPeerCertificates();
    }

    @Override
    public Certificate[] getLocalCertificates() {
        return session.getLocalCertificates();
    }

    @Override
    @SuppressWarnings("removal")
    public javax.security.cert.X509Certificate[] getPeerCertificateChain() throws SSLPeerUnverifiedException {
        return session.getPeerCertificateChain();
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        return session.getPeerPrincipal();
    }

    @Override
    public Principal getLocalPrincipal() {
        return session.getLocalPrincipal();
    }

    @Override
    public String getCipherSuite() {
        return session.getCipherSuite();
    }

    @Override
    public String getProtocol() {
        return session.getProtocol();
    }

    @Override
    public String getPeerHost() {
        return session.getPeerHost();
    }

    @Override
    public int getPeerPort() {
        return session.getPeerPort();
    }

    @Override
    public String[] getLocalSupportedSignatureAlgorithms() {
        return session instanceof ExtendedSSLSession extended ? extended.getLocalSupportedSignatureAlgorithms()
                : new String[0];
    }

    @Override
    public String[] getPeerSupportedSignatureAlgorithms() {
        return session instanceof ExtendedSSLSession extended ? extended.getPeerSupportedSignatureAlgorithms()
                : new String[0];
    }

    @Override
    public List<SNIServerName> getRequestedServerNames() {
        return session instanceof ExtendedSSLSession extended ? extended.getRequestedServerNames() : List.of();
    }

    @Override
    public List<byte[]> getStatusResponses() {
        return session instanceof ExtendedSSLSession extended ? extended.getStatusResponses() : List.of();
    }
}
