package com.pkmnapi.testsupport;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The programs of the machine that some integration tests run: Debian's Chromium and its driver,
 * nginx, Apache httpd with mod_oauth2, python3 with prometheus_client, unzip, and a PostgreSQL server on 127.0.0.1:5432 (the
 * deploy pages' tests, WildFlyPageIT and PayaraServerPageIT). The build does not install them (it needs only Java
 * and Maven): a test class whose program is missing is skipped, with a message that names the
 * Debian packages; under {@code CI=true}, where .ci/run has installed them, it fails instead, so
 * that a missing program cannot pass as a skip. Checked as a condition of the class, before
 * Arquillian deploys anything for it.
 */
public final class SystemPrograms implements ExecutionCondition {

    /** On a test class: the programs it runs. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(SystemPrograms.class)
    public @interface Require {
        Program[] value();
    }

    /** Each program with where the build says it is (pom.xml's it.* properties) and its packages. */
    public enum Program {
        CHROMIUM("chromium chromium-driver") {
            @Override
            String missing() {
                String chromium = executable("it.chromium", "/usr/bin/chromium");
                String driver = executable("it.chromedriver", "/usr/bin/chromedriver");
                return chromium == null ? driver : driver == null ? chromium : chromium + " and " + driver;
            }
        },
        /** With the auth_request module, which Debian's nginx (1.22) has. */
        NGINX("nginx") {
            @Override
            String missing() {
                String nginx = executable("it.nginx", "/usr/sbin/nginx");
                if (nginx != null) {
                    return nginx;
                }
                String binary = System.getProperty("it.nginx", "/usr/sbin/nginx");
                return run(binary, "-V").contains("--with-http_auth_request_module") ? null
                        : binary + " without the auth_request module";
            }
        },
        /** Apache httpd with mod_oauth2, the RFC 7662 gateway of ApacheGatewayIT. */
        APACHE_OAUTH2("apache2 libapache2-mod-oauth2") {
            @Override
            String missing() {
                String httpd = executable("it.apache2", "/usr/sbin/apache2");
                if (httpd != null) {
                    return httpd;
                }
                return Files.isReadable(Path.of(ApacheHttpd.MODULES, "mod_oauth2.so")) ? null
                        : ApacheHttpd.MODULES + "/mod_oauth2.so";
            }
        },
        /** The official client's parser, which PrometheusText runs. */
        PROMETHEUS_PARSER("python3 python3-prometheus-client") {
            @Override
            String missing() {
                String python = System.getProperty("it.python", "/usr/bin/python3");
                return run(python, "-c", "import prometheus_client.parser; print('ok')").strip().equals("ok") ? null
                        : python + " with the module prometheus_client.parser";
            }
        },
        /**
         * A PostgreSQL server listening on 127.0.0.1:5432, as on the project's machines (trust
         * authentication, user postgres; pom.xml's postgres profile).
         */
        POSTGRESQL_SERVER("postgresql") {
            @Override
            String missing() {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", 5432), 2000);
                    return null;
                } catch (IOException e) {
                    return "a PostgreSQL server on 127.0.0.1:5432 (" + e.getMessage() + ")";
                }
            }
        },
        /** What the Payara Server page unpacks Payara's zip with. */
        UNZIP("unzip") {
            @Override
            String missing() {
                return executable("it.unzip", "/usr/bin/unzip");
            }
        };

        private final String debianPackages;

        Program(String debianPackages) {
            this.debianPackages = debianPackages;
        }

        /** What is missing of this program, or null when it is all there. */
        abstract String missing();

        public String debianPackages() {
            return debianPackages;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<Program> programs = AnnotationSupport.findAnnotation(context.getElement(), Require.class)
                .map(require -> List.of(require.value()))
                .orElse(List.of());
        String missing = programs.stream()
                .map(program -> {
                    String what = program.missing();
                    return what == null ? null : what + " (install Debian's " + program.debianPackages() + ")";
                })
                .filter(what -> what != null)
                .collect(Collectors.joining("; "));
        return decide(context.getDisplayName(), missing, System.getenv());
    }

    /**
     * The rule: nothing missing, run; something missing, skip, or fail under {@code CI=true}.
     *
     * @param missing what is missing, empty when nothing is
     * @throws IllegalStateException when something is missing under {@code CI=true}
     */
    static ConditionEvaluationResult decide(String test, String missing, Map<String, String> environment) {
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("its programs are there");
        }
        String message = test + " needs " + missing;
        if ("true".equalsIgnoreCase(environment.get("CI"))) {
            throw new IllegalStateException(message + ". CI=true: a missing program fails the build.");
        }
        return ConditionEvaluationResult.disabled(message + ". Skipped.");
    }

    private static String executable(String property, String debianPath) {
        String path = System.getProperty(property, debianPath);
        return Files.isExecutable(Path.of(path)) ? null : path;
    }

    /** The program's output (error stream included), empty if it cannot be run or takes over 10 s. */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(10, TimeUnit.SECONDS) ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
