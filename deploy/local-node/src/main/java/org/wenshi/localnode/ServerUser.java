package org.wenshi.localnode;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who the Elasticsearch server runs as, and what that user needs on disk.
 *
 * <p>Exists because Elasticsearch refuses to run as root ("can not run elasticsearch as root", no
 * setting allows it) while CI and fresh machines here run everything as root. As root it creates the
 * system user {@value #SYSTEM_USER} when missing, gives it the node's folders, lets it traverse the
 * folders above them (with an ACL entry where possible, else {@code o+x}, and says so in the log) and
 * starts the server through {@code setpriv} (or {@code runuser}). Not as root, the server runs as the
 * current user and nothing here changes the system.
 *
 * <p>It must never start the server as root, never widen permissions beyond search ({@code x}) on a
 * folder it does not own for the node, and never touch a folder outside the path to the node.
 *
 * <p>Public so that {@code wenshi-local-postgres} runs PostgreSQL (which refuses root too) as the same
 * user.
 */
public final class ServerUser {

    public static final String SYSTEM_USER = "wenshi-es";

    private static final Logger LOG = System.getLogger(ServerUser.class.getName());

    private final boolean root;

    private ServerUser(boolean root) {
        this.root = root;
    }

    public static ServerUser forThisProcess() {
        return new ServerUser(currentUid() == 0);
    }

    /** True when this JVM is root and the server therefore runs as {@value #SYSTEM_USER}. */
    public boolean switchesUser() {
        return root;
    }

    public String name() {
        return root ? SYSTEM_USER : System.getProperty("user.name");
    }

    /**
     * Makes sure the server user exists, owns the node's folders and can reach {@code nodeDir}. Does
     * nothing when not root.
     *
     * @param small folders given to the user recursively on every start (config, logs, tmp: the
     *     launcher writes files there as root)
     * @param large folders given recursively only when their top is not the user's yet (the install,
     *     the data), so a big index costs no walk on every start
     */
    public void prepare(Path nodeDir, List<Path> small, List<Path> large) {
        if (!root) {
            return;
        }
        ensureUserExists();
        List<Path> toOwn = new ArrayList<>(small);
        for (Path dir : large) {
            if (!ownedByServerUser(dir)) {
                toOwn.add(dir);
            }
        }
        List<String> chown = new ArrayList<>(List.of("chown", "-R", SYSTEM_USER + ":" + SYSTEM_USER));
        toOwn.forEach(dir -> chown.add(dir.toString()));
        check(ExternalCommand.run(chown), chown);
        ensureTraversable(nodeDir);
    }

    /** What goes before {@code bin/elasticsearch} (or any server command) so that it runs as {@link #name()}. */
    public List<String> commandPrefix() {
        if (!root) {
            return List.of();
        }
        Optional<Path> setpriv = ExternalCommand.find("setpriv");
        if (setpriv.isPresent()) {
            return List.of(
                    setpriv.get().toString(),
                    "--reuid=" + SYSTEM_USER,
                    "--regid=" + SYSTEM_USER,
                    "--clear-groups",
                    "--");
        }
        Path runuser = ExternalCommand.require(
                "runuser", "to start the server as " + SYSTEM_USER + " (setpriv is missing too)", "util-linux");
        return List.of(runuser.toString(), "-u", SYSTEM_USER, "--");
    }

    private void ensureUserExists() {
        if (ExternalCommand.run(List.of("id", "-u", SYSTEM_USER)).ok()) {
            return;
        }
        Path useradd = ExternalCommand.require(
                "useradd", "to create the user " + SYSTEM_USER + " that runs Elasticsearch", "passwd");
        List<String> command = new ArrayList<>(
                List.of(useradd.toString(), "--system", "--no-create-home", "--shell", "/usr/sbin/nologin"));
        if (ExternalCommand.run(List.of("getent", "group", SYSTEM_USER)).ok()) {
            command.addAll(List.of("--gid", SYSTEM_USER));
        } else {
            command.add("--user-group");
        }
        command.add(SYSTEM_USER);
        ExternalCommand.Result result = ExternalCommand.run(command);
        // Another JVM may have created it a moment ago: what counts is that it exists now.
        if (!ExternalCommand.run(List.of("id", "-u", SYSTEM_USER)).ok()) {
            check(result, command);
        }
        if (result.ok()) {
            LOG.log(
                    Level.INFO,
                    "created the system user {0} ({1}) to run Elasticsearch, which refuses to run as root",
                    SYSTEM_USER,
                    String.join(" ", command));
        }
    }

    private static boolean ownedByServerUser(Path dir) {
        try {
            return Files.getOwner(dir).getName().equals(SYSTEM_USER);
        } catch (IOException e) {
            return false;
        }
    }

    /** Grants search permission on each folder from / down to {@code nodeDir} that the user cannot pass. */
    private void ensureTraversable(Path nodeDir) {
        List<String> chain = new ArrayList<>();
        for (Path p = nodeDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            chain.add(0, p.toString());
        }
        String previous = null;
        for (int attempt = 0; attempt <= chain.size(); attempt++) {
            Optional<String> blocked = firstBlocked(chain);
            if (blocked.isEmpty()) {
                return;
            }
            if (blocked.get().equals(previous)) {
                throw new LocalNodeException(
                        SYSTEM_USER + " still cannot enter " + previous + " after granting search permission;"
                                + " give it access by hand (setfacl -m u:" + SYSTEM_USER + ":x " + previous + ")");
            }
            grantSearch(Path.of(blocked.get()));
            previous = blocked.get();
        }
    }

    /** Asks the kernel, as the server user, which folder of {@code chain} it cannot enter first. */
    private Optional<String> firstBlocked(List<String> chain) {
        List<String> command = new ArrayList<>(commandPrefix());
        command.addAll(List.of("/bin/sh", "-c", "for d do [ -x \"$d\" ] || { echo \"$d\"; exit 0; }; done", "sh"));
        command.addAll(chain);
        ExternalCommand.Result result = ExternalCommand.run(command);
        check(result, command);
        return result.output().isBlank()
                ? Optional.empty()
                : Optional.of(result.output().strip());
    }

    private static void grantSearch(Path dir) {
        Optional<Path> setfacl = ExternalCommand.find("setfacl");
        if (setfacl.isPresent()) {
            List<String> command = List.of(setfacl.get().toString(), "-m", "u:" + SYSTEM_USER + ":x", dir.toString());
            if (ExternalCommand.run(command).ok()) {
                LOG.log(
                        Level.WARNING,
                        "granted {0} search permission on {1} ({2}) so that Elasticsearch can reach its folders",
                        SYSTEM_USER,
                        dir,
                        String.join(" ", command));
                return;
            }
        }
        List<String> command = List.of("chmod", "o+x", dir.toString());
        check(ExternalCommand.run(command), command);
        LOG.log(
                Level.WARNING,
                "granted everyone search permission on {0} ({1}; setfacl unavailable) so that Elasticsearch"
                        + " can reach its folders",
                dir,
                String.join(" ", command));
    }

    private static void check(ExternalCommand.Result result, List<String> command) {
        if (!result.ok()) {
            throw new LocalNodeException(
                    String.join(" ", command) + " failed (exit " + result.exitCode() + "): " + result.output());
        }
    }

    /** The real uid of this JVM, from /proc (Linux), else from {@code id -u}. */
    public static long currentUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall through.
        }
        ExternalCommand.Result id = ExternalCommand.run(List.of("id", "-u"));
        if (!id.ok()) {
            throw new LocalNodeException("cannot tell whether this process runs as root: id -u failed: " + id.output());
        }
        return Long.parseLong(id.output().strip());
    }
}
