package paxosviz.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;

import paxosviz.core.Address;
import paxosviz.ui.session.LiveControls;

/**
 * The partition presets a lecture needs, as changes to a cluster's links. Each starts from a
 * healed network, so presets do not pile up.
 */
public final class FaultPresets {

    private FaultPresets() {
    }

    /** The first majority of the {@code n} nodes on one side, the rest on the other. */
    public static void majorityMinority(LiveControls cluster, int n) {
        int majority = n / 2 + 1;
        List<Address> big = new ArrayList<>();
        List<Address> small = new ArrayList<>();
        for (int node = 0; node < n; node++) {
            (node < majority ? big : small).add(Address.node(node));
        }
        cluster.partition(List.of(big, small));
    }

    /** Every link of {@code node} down. */
    public static void isolate(LiveControls cluster, int node) {
        cluster.heal();
        cluster.isolate(node);
    }

    /**
     * Two halves that cannot hear each other, joined by one node in the middle that hears both:
     * each half plus the bridge is a majority.
     */
    public static void bridge(LiveControls cluster, int n) {
        int bridge = n / 2;
        cluster.heal();
        for (int a = 0; a < bridge; a++) {
            for (int b = bridge + 1; b < n; b++) {
                cluster.cut(a, b, false);
            }
        }
    }

    /** Each node hears only its two neighbours on the ring: every node still reaches a majority of five. */
    public static void ring(LiveControls cluster, int n) {
        cluster.heal();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                boolean neighbours = b - a == 1 || (a == 0 && b == n - 1);
                if (!neighbours) {
                    cluster.cut(a, b, false);
                }
            }
        }
    }
}
