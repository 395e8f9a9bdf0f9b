package org.wenshi.localnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real node in its own home under target/, apart from the shared test node: start (as root: as
 * wenshi-es), reuse from other instances and other JVMs, stop without a trace, and a failed start
 * that explains itself.
 */
class LocalNodeIT {

    private static final Path HOME = Path.of("target", "local-node-it", "home").toAbsolutePath();

    private final LocalNode node = LocalNode.forHome(HOME);

    @BeforeEach
    @AfterEach
    void noNodeRuns() {
        node.stop();
        assertThat(serversOfHome()).isEmpty();
    }

    @Test
    void installsStartsUnprivilegedIsReusedEverywhereAndStopsWithoutTrace() throws Exception {
        NodeInstaller installer =
                new NodeInstaller(new NodeLayout(HOME), LocalNodeProperties.fromEnvironment(System.getenv()));
        NodeInstaller.deleteQuietly(installer.installDir());
        Path olderInstall = node.nodeDirectory().resolve("dist-0.0.0-000000000000");
        Files.createDirectories(olderInstall.resolve("bin"));

        long t0 = System.nanoTime();
        Path installed = installer.ensureInstalled();
        long installMs = (System.nanoTime() - t0) / 1_000_000;
        String pluginName = NodeInstaller.embeddedPlugin().name();
        assertThat(installed.resolve("plugins").resolve(pluginName)).isDirectory();

        long t1 = System.nanoTime();
        RunningNode running = node.ensureRunning();
        long startMs = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf(
                "[timing] first-time unzip + plugin install: %d ms; start -> ready: %d ms%n", installMs, startMs);

        assertThat(running.installDir()).isEqualTo(installed);
        assertThat(olderInstall)
                .as("older installs go once a node runs from the new one")
                .doesNotExist();
        assertThat(running.url()).isEqualTo(URI.create("http://127.0.0.1:" + running.httpPort()));
        if (ServerUser.currentUid() == 0) {
            ExternalCommand.Result esUid = ExternalCommand.run(List.of("id", "-u", ServerUser.SYSTEM_USER));
            assertThat(esUid.ok()).as("user %s exists", ServerUser.SYSTEM_USER).isTrue();
            assertThat(uidOf(running.pid()))
                    .as("uid of the Elasticsearch process started by root")
                    .isNotZero()
                    .isEqualTo(Long.parseLong(esUid.output()));
        } else {
            assertThat(uidOf(running.pid())).isEqualTo(ServerUser.currentUid());
        }

        ClusterHealth health = ClusterHealth.ask(
                        running.url(), "?wait_for_status=green&timeout=30s", Duration.ofSeconds(35))
                .orElseThrow(() -> new AssertionError("no health answer from " + running.url()));
        assertThat(health.status()).isEqualTo("green");
        assertThat(health.clusterName()).isEqualTo(new NodeLayout(HOME).clusterName());
        assertThat(put(running.url(), "/any-tool-index-" + System.nanoTime()))
                .as("an index created with default settings")
                .contains("\"acknowledged\":true");
        ClusterHealth afterIndex = ClusterHealth.ask(
                        running.url(), "?wait_for_status=green&timeout=30s", Duration.ofSeconds(35))
                .orElseThrow(() -> new AssertionError("no health answer from " + running.url()));
        assertThat(afterIndex.status())
                .as("no replica is left unassigned on the single node")
                .isEqualTo("green");
        assertThat(get(running.url(), "/_nodes/plugins?filter_path=**.plugins.name"))
                .contains("\"" + pluginName + "\"");
        assertThat(get(running.url(), "/_nodes/_local/http?filter_path=**.bound_address"))
                .as("bound to loopback only")
                .contains("\"127.0.0.1:" + running.httpPort() + "\"")
                .doesNotContain("0.0.0.0");
        assertThat(NodeStateFile.read(node.nodeDirectory().resolve("node.properties")))
                .contains(running);

        assertThat(LocalNode.forHome(HOME).ensureRunning())
                .as("another instance reuses")
                .isEqualTo(running);

        CliRun start = cli("start", "--home", HOME.toString());
        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(start.stdout()).contains("pid=" + running.pid() + " ").contains("already running");
        CliRun status = cli("status", "--home", HOME.toString());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout())
                .startsWith("running ")
                .contains("pid=" + running.pid() + " ")
                .contains("health=green");
        assertThat(serversOfHome()).extracting(ProcessHandle::pid).containsExactly(running.pid());

        assertThat(node.stop()).isTrue();
        assertThat(ProcessHandle.of(running.pid()).filter(ProcessHandle::isAlive))
                .isEmpty();
        assertThat(serversOfHome()).isEmpty();
        assertThat(node.nodeDirectory().resolve("node.properties")).doesNotExist();
        assertThat(node.status().state()).isEqualTo(NodeStatus.State.STOPPED);
        assertThat(cli("status", "--home", HOME.toString()).stdout()).startsWith("not running");
    }

    @Test
    void concurrentStartsFromSeveralJvmsShareOneNode() throws Exception {
        List<CompletableFuture<CliRun>> others = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            others.add(CompletableFuture.supplyAsync(() -> cli("start", "--home", HOME.toString())));
        }
        RunningNode here = node.ensureRunning();
        for (CompletableFuture<CliRun> other : others) {
            CliRun run = other.get(5, TimeUnit.MINUTES);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stdout()).contains("pid=" + here.pid() + " ");
        }
        assertThat(serversOfHome()).extracting(ProcessHandle::pid).containsExactly(here.pid());
        CliRun stop = cli("stop", "--home", HOME.toString());
        assertThat(stop.stdout()).startsWith("stopped");
        assertThat(serversOfHome()).isEmpty();
    }

    @Test
    void failedStartSaysWhyWithTheLogsAndLeavesNothingRunning() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("WENSHI_ES_HEAP", "100000g");
        LocalNode hungry = LocalNode.forHome(HOME, environment);
        assertThatThrownBy(hungry::ensureRunning)
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("bin/elasticsearch exited with code")
                .hasMessageContaining("launcher-cli.log ---")
                .hasMessageContaining("Could not reserve enough space");
        assertThat(serversOfHome()).isEmpty();
        assertThat(node.nodeDirectory().resolve("node.properties")).doesNotExist();
    }

    @Test
    void startsBelowAFolderOnlyItsOwnerMayEnter() throws Exception {
        // Like the default home /root/.wenshi below /root (mode 700).
        Path locked = HOME.getParent().resolve("locked");
        LocalNode lockedNode = LocalNode.forHome(locked.resolve("home"));
        try {
            lockedNode.stop();
            Files.createDirectories(locked.resolve("home"));
            if (ExternalCommand.find("setfacl").isPresent()) {
                assertThat(ExternalCommand.run(List.of("setfacl", "-b", locked.toString()))
                                .ok())
                        .isTrue();
            }
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));

            RunningNode running = lockedNode.ensureRunning();

            assertThat(ClusterHealth.ask(running.url(), "", Duration.ofSeconds(5)))
                    .isPresent();
            if (ServerUser.currentUid() == 0 && ExternalCommand.find("setfacl").isPresent()) {
                ExternalCommand.Result acl = ExternalCommand.run(List.of("getfacl", "-p", locked.toString()));
                assertThat(acl.output())
                        .as("search permission for %s only", ServerUser.SYSTEM_USER)
                        .contains("user:" + ServerUser.SYSTEM_USER + ":--x");
                assertThat(Files.getPosixFilePermissions(locked)).doesNotContain(PosixFilePermission.OTHERS_EXECUTE);
            } else if (ServerUser.currentUid() == 0) {
                assertThat(Files.getPosixFilePermissions(locked)).contains(PosixFilePermission.OTHERS_EXECUTE);
            }
        } finally {
            lockedNode.stop();
        }
    }

    private static List<ProcessHandle> serversOfHome() {
        String marker = HOME.resolve("elasticsearch").resolve("dist-").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .toList();
    }

    private static long uidOf(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Uid:")) {
                return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
            }
        }
        return fail("no Uid line in /proc/%d/status", pid);
    }

    private static String get(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("GET %s: %s", path, response.body())
                .isEqualTo(200);
        return response.body();
    }

    private static String put(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .PUT(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("PUT %s: %s", path, response.body())
                .isEqualTo(200);
        return response.body();
    }

    record CliRun(int exitCode, String stdout, String stderr) {}

    /** The command line in a JVM of its own, with this module's classes only (no JUnit on its class path). */
    static CliRun cli(String... args) {
        try {
            Path classes = Path.of(LocalNodeCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    classes.toString(),
                    LocalNodeCommand.class.getName()));
            command.addAll(List.of(args));
            Path out = Files.createTempFile("cli", ".out");
            Path err = Files.createTempFile("cli", ".err");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("%s did not finish", command);
            }
            CliRun run = new CliRun(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (Exception e) {
            throw new AssertionError("cannot run the command line " + List.of(args), e);
        }
    }
}
