package paxosviz.ui.control;

import java.util.Locale;

/**
 * The horizontal band of a {@link Timeline} in which a marker's category is drawn, top to
 * bottom: faults, leaders, installs (and any category not listed here), then the client
 * answers as a thin density strip. Violations are not a band of their own: they are drawn
 * tall across all the bands, over every other marker.
 */
public enum TimelineLane {
    FAULTS("faults"),
    LEADERS("leaders"),
    INSTALLS("installs and other events"),
    ANSWERS("client answers"),
    VIOLATIONS("violations");

    private final String description;

    TimelineLane(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The lane of a marker category; categories are compared without regard to case. */
    public static TimelineLane of(String category) {
        return switch (category.toLowerCase(Locale.ROOT)) {
            case TimelineMarker.CRASH, TimelineMarker.RESTART, TimelineMarker.LINK, TimelineMarker.PARTITION,
                    TimelineMarker.HEAL, TimelineMarker.ISOLATE, TimelineMarker.NETWORK, TimelineMarker.BY_HAND -> FAULTS;
            case TimelineMarker.LEADER, TimelineMarker.ELECT, TimelineMarker.STEPDOWN -> LEADERS;
            case TimelineMarker.ANSWER -> ANSWERS;
            case TimelineMarker.VIOLATION -> VIOLATIONS;
            default -> INSTALLS;
        };
    }
}
