package io.s3multi.webapp.deploy;

import java.nio.file.Path;

/** The WAR in Debian 12's own Tomcat 10.1 (package {@code tomcat10}), set up as the README says. */
class WarInDebianTomcatIT extends DeployedWarTests {

    @Override
    protected DeployedWar deploy(Path work) throws Exception {
        return DebianTomcat.start(work);
    }
}
