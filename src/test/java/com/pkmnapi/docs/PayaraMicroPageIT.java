package com.pkmnapi.docs;

import com.pkmnapi.testsupport.SystemPrograms;
import com.pkmnapi.testsupport.SystemPrograms.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Follows the Payara Micro page (src/site/markdown/payara-micro.md) as written: its {@code ```sh
 * payara-micro} blocks, in order, in one bash, from the build of the WAR to the undo ({@link
 * ServerPage}), on a free HTTP port in place of the page's 8080. Payara Micro keeps no
 * configuration between runs, so there is none to compare after the undo. Run by .ci/run ({@code
 * mvn verify -Ppostgres -Dit.test=PayaraServerPageIT,PayaraMicroPageIT}); skipped without
 * PostgreSQL on 127.0.0.1:5432, failed under {@code CI=true} (SystemPrograms).
 */
@SystemPrograms.Require(Program.POSTGRESQL_SERVER)
class PayaraMicroPageIT {

    @Test
    void thePageRunsAsWritten() throws Exception {
        try (ServerPage page = new ServerPage("payara-micro-page", "src/site/markdown/payara-micro.md", "sh payara-micro")) {
            int port = GreenMailProcess.freePort();
            page.replace("$HOME/pkmnapi-micro", page.work.toString())
                    .replace("HTTP_PORT=8080 API=http://localhost:8080", "HTTP_PORT=" + port + " API=http://localhost:" + port);
            try (ServerPage.ServerPid server = new ServerPage.ServerPid(page.work.resolve("payara-micro.pid"))) {
                page.follow(List.of(), server, page.work.resolve("payara-micro.out"), (example, micro) -> { });
            }
        }
    }
}
