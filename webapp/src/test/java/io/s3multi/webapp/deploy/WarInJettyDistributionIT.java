package io.s3multi.webapp.deploy;

import java.nio.file.Path;

/** The WAR in a Jetty 12 distribution (jetty-home, ee10), set up as the README says. */
class WarInJettyDistributionIT extends DeployedWarTests {

    @Override
    protected DeployedWar deploy(Path work) throws Exception {
        return JettyDistribution.start(work);
    }
}
