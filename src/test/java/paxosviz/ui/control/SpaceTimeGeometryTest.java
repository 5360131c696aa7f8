package paxosviz.ui.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Message;
import paxosviz.export.SpaceTimeDiagram;
import paxosviz.export.TimeWindow;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;

class SpaceTimeGeometryTest {

    private static final List<String> HOSTS = List.of("n0", "n1", "n2", "alice");
    // 1000 ms from 1000 to 2000 over the width the labels leave: one pixel per millisecond
    private final SpaceTimeGeometry geometry = new SpaceTimeGeometry(HOSTS,
            SpaceTimeGeometry.LABEL_WIDTH + 1000 + SpaceTimeGeometry.PAD, 430, 1000, 2000);

    private static SpaceTimeDiagram.Arrow arrived(long id, String from, String to, double sent, double arrived) {
        return new SpaceTimeDiagram.Arrow(id, EventBody.ANY_COPY, from, to, "accept", sent, arrived, false);
    }

    private static SpaceTimeDiagram.Arrow flying(long id, String from, String to, double sent) {
        return new SpaceTimeDiagram.Arrow(id, EventBody.ANY_COPY, from, to, "accept", sent, Double.NaN, false);
    }

    @Test
    void theWindowEndsAtTheRightEdgeAndStartsAfterTheLabels() {
        assertThat(geometry.x(1000)).isEqualTo(SpaceTimeGeometry.LABEL_WIDTH);
        assertThat(geometry.right()).isEqualTo(SpaceTimeGeometry.LABEL_WIDTH + 1000);
        assertThat(geometry.x(1500)).isEqualTo(SpaceTimeGeometry.LABEL_WIDTH + 500);
    }

    @Test
    void anArrowIsVisibleIfAnyOfItLiesInTheWindow() {
        assertThat(geometry.visible(arrived(1, "n0", "n1", 900, 999))).isFalse();
        assertThat(geometry.visible(arrived(2, "n0", "n1", 900, 1010))).isTrue();
        assertThat(geometry.visible(arrived(3, "n0", "n1", 1500, 1520))).isTrue();
        assertThat(geometry.visible(flying(4, "n0", "n1", 500))).isTrue();
        assertThat(geometry.visible(flying(5, "n0", "n1", 2001))).isFalse();
    }

    @Test
    void theArrowUnderAPointIsTheNearestWithinTheTolerance() {
        SpaceTimeDiagram.Arrow near = arrived(1, "n0", "n2", 1100, 1200);
        SpaceTimeDiagram.Arrow other = arrived(2, "n0", "n2", 1110, 1210);
        SpaceTimeGeometry.Segment segment = geometry.segment(near, Double.NaN);
        double midX = (segment.x1() + segment.x2()) / 2;
        double midY = (segment.y1() + segment.y2()) / 2;

        assertThat(geometry.arrowAt(midX, midY, List.of(near, other), List.of())).isSameAs(near);
        assertThat(geometry.arrowAt(midX + 6, midY, List.of(near, other), List.of())).isSameAs(other);
        assertThat(geometry.arrowAt(midX, midY + 60, List.of(near, other), List.of())).isNull();
    }

    @Test
    void aMessageOnItsWayIsPickedBeforeTheOneItAnswers() {
        SpaceTimeDiagram.Arrow request = arrived(1, "n0", "n2", 1900, 1980);
        SpaceTimeDiagram.Pending reply = pending(flying(2, "n2", "n0", 1980), 2060);
        SpaceTimeGeometry.Segment segment = geometry.segment(request, Double.NaN);

        assertThat(geometry.arrowAt(segment.x2() - 1, segment.y2() - 1, List.of(request), List.of(reply))).isSameAs(reply.arrow());
    }

    /** A message on its way, as the diagram keeps it. */
    private static SpaceTimeDiagram.Pending pending(SpaceTimeDiagram.Arrow arrow, double due) {
        SpaceTimeDiagram diagram = new SpaceTimeDiagram(3, TimeWindow.ALL);
        Wire wire = Wire.of(arrow.id(), new Message.Heartbeat(new Ballot(1, 0), 3));
        diagram.accept(new TraceEvent(1, arrow.sent(), new EventBody.Send(node(arrow.from()), node(arrow.to()), wire, due)));
        return diagram.inFlight().iterator().next();
    }

    private static Address node(String host) {
        return Address.node(Integer.parseInt(host.substring(1)));
    }

    @Test
    void anArrowOutOfTheWindowIsNeverPicked() {
        SpaceTimeDiagram.Arrow gone = arrived(1, "n0", "n1", 800, 900);
        SpaceTimeGeometry.Segment segment = geometry.segment(gone, Double.NaN);

        assertThat(geometry.arrowAt(segment.x2(), segment.y2(), List.of(gone), List.of())).isNull();
    }

    @Test
    void aMessageOnItsWayReachesAsFarAsItGotByNow() {
        // sent at 1900, due at 2100: half way by 2000
        SpaceTimeGeometry.Segment half = geometry.segment(flying(1, "n0", "n2", 1900), 2100);
        assertThat(half.x2()).isEqualTo(geometry.x(2000));
        assertThat(half.y2()).isEqualTo((geometry.y("n0") + geometry.y("n2")) / 2);

        // overdue (held, or the due time not said): nearly there, never arrived
        assertThat(geometry.segment(flying(4, "n0", "n2", 1900), Double.POSITIVE_INFINITY).y2()).isLessThan(geometry.y("n2"));
        SpaceTimeGeometry.Segment overdue = geometry.segment(flying(2, "n0", "n2", 1900), 1950);
        assertThat(overdue.y2()).isLessThan(geometry.y("n2"));
        assertThat(geometry.segment(flying(3, "n0", "n2", 1900), Double.NaN).y2()).isLessThan(geometry.y("n2"));
    }

    @Test
    void aLostMessagesCrossNeverSitsOnAnotherHostsLine() {
        SpaceTimeDiagram.Arrow lost = new SpaceTimeDiagram.Arrow(1, 0, "n0", "n2", "accept", 1100, 1150, true);
        SpaceTimeGeometry.Segment segment = geometry.segment(lost, Double.NaN);

        assertThat(segment.y2()).isBetween(geometry.y("n0"), geometry.y("n1")).isNotEqualTo(geometry.y("n1"));
        assertThat(segment.x2()).isEqualTo(geometry.x(1150));
    }

    @Test
    void overTheNamesNoArrowIsPicked() {
        SpaceTimeDiagram.Arrow fromBefore = arrived(1, "n0", "n0", 0, 1500);

        assertThat(geometry.arrowAt(SpaceTimeGeometry.LABEL_WIDTH - 2, geometry.y("n0"), List.of(fromBefore), List.of())).isNull();
        assertThat(geometry.arrowAt(SpaceTimeGeometry.LABEL_WIDTH + 2, geometry.y("n0"), List.of(fromBefore), List.of()))
                .isSameAs(fromBefore);
    }

    @Test
    void aRowBelongsToItsHost() {
        assertThat(geometry.hostAt(geometry.y("n1") + 20)).isEqualTo("n1");
        assertThat(geometry.hostAt(geometry.y("alice"))).isEqualTo("alice");
        assertThat(geometry.hostAt(SpaceTimeGeometry.RULER / 2)).isNull();
        assertThat(geometry.hostAt(geometry.height() + 50)).isNull();
    }
}
