package org.stdhub.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance among several over one database (the {@code cluster} profile), or the only one (the embedded default
 * and the plain {@code postgres} profile).
 *
 * <ul>
 *   <li>{@link #name()}: what this instance writes into the rows it holds (a scheduled job's lock, a running import
 *       job): {@code stdhub.instance-name} ({@code STDHUB_INSTANCE_NAME} in the cluster profile), else {@code
 *       host:pid};
 *   <li>{@link #clustered()}: {@code stdhub.cluster.enabled} — other instances may be working right now, so work
 *       found unfinished in the database is another instance's until its heartbeat stops.
 * </ul>
 */
@Component
public class ClusterNode {

    private final String name;
    private final boolean clustered;

    ClusterNode(
            @Value("${stdhub.instance-name:}") String name,
            @Value("${stdhub.cluster.enabled:false}") boolean clustered) {
        this.name = name.isBlank() ? defaultName() : name;
        this.clustered = clustered;
    }

    public String name() {
        return name;
    }

    public boolean clustered() {
        return clustered;
    }

    /** {@code host:pid}: tells instances on one machine apart. */
    static String defaultName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
