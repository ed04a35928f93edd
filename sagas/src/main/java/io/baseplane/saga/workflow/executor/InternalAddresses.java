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
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                || (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc);
    }
}
