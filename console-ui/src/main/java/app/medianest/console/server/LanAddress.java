package app.medianest.console.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the address the family's devices reach this machine at: a site-local IPv4 address of an interface that is up. */
public final class LanAddress {
    private LanAddress() {
    }

    /** The best LAN address, preferring private IPv4 ranges on physical-looking interfaces. */
    public static Optional<String> find() {
        List<Candidate> found = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback() || nif.isPointToPoint()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        found.add(new Candidate(a.getHostAddress(), rank(nif.getName(), a)));
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return found.stream().min(Comparator.comparingInt(Candidate::rank)).map(Candidate::address);
    }

    private record Candidate(String address, int rank) {
    }

    /** Lower is better: private ranges first, virtual/container bridges last. */
    static int rank(String interfaceName, InetAddress a) {
        String n = interfaceName.toLowerCase(java.util.Locale.ROOT);
        boolean virtual = n.startsWith("docker") || n.startsWith("br-") || n.startsWith("veth")
                || n.startsWith("virbr") || n.startsWith("vmnet") || n.startsWith("vbox") || n.startsWith("tun")
                || n.startsWith("tap") || n.startsWith("zt") || n.startsWith("tailscale");
        return (a.isSiteLocalAddress() ? 0 : 10) + (virtual ? 100 : 0);
    }

    /** {@code scheme://lanAddress:port}, or {@code fallback} when no LAN address is found. */
    public static String url(String baseUrl, int port, String bindHost) {
        boolean wildcard = "0.0.0.0".equals(bindHost) || "::".equals(bindHost) || "[::]".equals(bindHost);
        if (!wildcard) {
            return baseUrl;
        }
        String scheme = baseUrl.startsWith("https:") ? "https" : "http";
        return find().map(a -> scheme + "://" + a + ":" + port).orElse(baseUrl);
    }
}
