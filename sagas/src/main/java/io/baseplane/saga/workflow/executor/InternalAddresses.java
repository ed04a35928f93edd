package io.baseplane.saga.workflow.executor;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether a host resolves to an address inside the platform's own network: loopback, private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, where cloud metadata services answer),
 * unspecified or multicast. One such address is enough to refuse. A host that does not resolve is not
 * refused here; the call then fails to connect. The check runs before the call and cannot stop a name
 * that resolves differently a moment later (DNS rebinding); an egress proxy or firewall closes that gap.
 */
final class InternalAddresses {

    private InternalAddresses() {
    }

    static boolean anyOf(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isInternal(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc                                        // fc00::/7 unique local
                    || (bytes[0] == 0x20 && bytes[1] == 0x02)                         // 2002::/16 6to4
                    || (bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b)
                    || isEmbeddedIpv4(bytes);                                       // 64:ff9b::/96, ::a.b.c.d
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return (first == 100 && second >= 64 && second <= 127)                     // 100.64/10 carrier-grade NAT
                || (first == 198 && (second == 18 || second == 19))                // 198.18/15 benchmarking
                || first == 0 || first >= 240;                                      // "this network", reserved
    }

    /** An IPv6 address carrying an IPv4 one in its last four bytes (compatible or NAT64): judged by that. */
    private static boolean isEmbeddedIpv4(byte[] bytes) {
        for (int i = 4; i < 12; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        try {
            return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }
}
