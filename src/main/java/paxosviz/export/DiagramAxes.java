package paxosviz.export;

import java.util.List;

/**
 * The two axes of a space-time diagram, whichever way it is drawn: hosts side by side in lanes
 * of equal size ("across"), time at a fixed scale ("along"). The exported page and the window's
 * view both place everything through this, and the view also goes back from a point to a
 * host.
 */
public final class DiagramAxes {

    private final List<String> hosts;
    private final double laneStart;
    private final double lane;
    private final double timeStart;
    private final double first;
    private final double pixelsPerMs;

    /** Lanes of {@code lane} pixels from {@code laneStart}; time {@code first} at {@code timeStart}, then {@code pixelsPerMs}. */
    public DiagramAxes(List<String> hosts, double laneStart, double lane, double timeStart, double first, double pixelsPerMs) {
        this.hosts = hosts;
        this.laneStart = laneStart;
        this.lane = lane;
        this.timeStart = timeStart;
        this.first = first;
        this.pixelsPerMs = pixelsPerMs;
    }

    public List<String> hosts() {
        return hosts;
    }

    /** The middle of a host's lane. */
    public double across(String host) {
        return laneStart + lane * hosts.indexOf(host) + lane / 2;
    }

    /** The host whose lane holds this coordinate, or null. */
    public String hostAt(double across) {
        int index = (int) Math.floor((across - laneStart) / lane);
        return across >= laneStart && index < hosts.size() ? hosts.get(index) : null;
    }

    public double along(double t) {
        return timeStart + (t - first) * pixelsPerMs;
    }

    public double lane() {
        return lane;
    }

    /** A round step of milliseconds for the time ruler: about one label every {@code pixels}. */
    public double tickMs(double pixels) {
        double raw = pixels / pixelsPerMs;
        double step = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (step * factor >= raw) {
                return step * factor;
            }
        }
        return step * 10;
    }
}
