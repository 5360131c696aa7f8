package paxosviz.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import paxosviz.core.Role;
import paxosviz.trace.model.EventBody;
import paxosviz.viewstate.SlotState;
import paxosviz.viewstate.ViewState;

/**
 * A trace written by another tool to the contract's minimum: only the required fields of the
 * required types, keys in any order, gaps in seq, fields and event types nobody here knows,
 * no header scenario, no message payloads. It opens and replays; the view shows less.
 */
class ForeignTraceTest {

    @TempDir
    Path dir;

    private static final List<String> MINIMAL = List.of(
            "{\"nodes\":3,\"version\":1,\"format\":\"paxos-trace\",\"type\":\"header\",\"tool\":\"theirs\"}",
            "{\"type\":\"invoke\",\"t\":0,\"seq\":10,\"client\":\"c1\",\"op\":{\"type\":\"put\",\"key\":\"x\",\"value\":\"1\",\"client\":\"c1\",\"seq\":1}}",
            "{\"to\":1,\"msg\":{\"kind\":\"prepare\",\"id\":1},\"type\":\"send\",\"node\":0,\"seq\":12,\"t\":0.5}",
            "{\"t\":1,\"seq\":13,\"type\":\"gossip\",\"node\":2,\"rumour\":\"hello\"}",
            "{\"msg\":{\"id\":1,\"kind\":\"prepare\"},\"from\":0,\"node\":1,\"seq\":14,\"type\":\"deliver\",\"t\":1.5}",
            "{\"seq\":15,\"t\":1.6,\"type\":\"promise\",\"node\":1,\"ballot\":{\"node\":0,\"round\":1}}",
            "{\"seq\":16,\"t\":2,\"type\":\"leader\",\"ballot\":{\"round\":1,\"node\":0},\"node\":0,\"extra\":[1,2,3]}",
            "{\"seq\":17,\"t\":2,\"type\":\"send\",\"node\":0,\"to\":2,\"msg\":{\"id\":2,\"kind\":\"accept\"}}",
            "{\"seq\":19,\"t\":2.5,\"type\":\"accept\",\"node\":0,\"slot\":0,\"ballot\":{\"round\":1,\"node\":0},"
                    + "\"cmd\":{\"client\":\"c1\",\"seq\":1,\"type\":\"put\",\"key\":\"x\",\"value\":\"1\"}}",
            "{\"seq\":20,\"t\":3,\"type\":\"chosen\",\"node\":0,\"slot\":0,\"cmd\":{\"type\":\"put\",\"client\":\"c1\",\"seq\":1,\"key\":\"x\",\"value\":\"1\"}}",
            "{\"seq\":21,\"t\":3,\"type\":\"apply\",\"node\":0,\"slot\":0,\"cmd\":{\"type\":\"put\",\"client\":\"c1\",\"seq\":1,\"key\":\"x\",\"value\":\"1\"},\"result\":{}}",
            "{\"seq\":22,\"t\":3.5,\"type\":\"link\",\"from\":2,\"to\":0,\"up\":false}",
            "{\"seq\":23,\"t\":4,\"type\":\"drop\",\"from\":0,\"to\":2,\"msg\":{\"id\":2,\"kind\":\"accept\"},\"reason\":\"link-down\"}",
            "{\"seq\":24,\"t\":4,\"type\":\"return\",\"client\":\"c1\",\"op\":{\"type\":\"put\",\"client\":\"c1\",\"seq\":1,\"key\":\"x\",\"value\":\"1\"},\"outcome\":\"ok\",\"result\":{}}",
            "{\"seq\":25,\"t\":5,\"type\":\"crash\",\"node\":1}",
            "{\"seq\":30,\"t\":6,\"type\":\"end\",\"nodes\":[{\"node\":0,\"up\":true,\"applied\":0,\"digest\":\"a\"},"
                    + "{\"node\":1,\"up\":false,\"applied\":-1,\"digest\":\"\"},{\"node\":2,\"up\":true,\"applied\":-1,\"digest\":\"b\"}]}");

    @Test
    void aMinimalTraceFromAnotherToolOpensAndReplays() throws Exception {
        Path file = dir.resolve("theirs.jsonl");
        Files.write(file, MINIMAL);

        ReplayModel replay = ReplayModel.open(file, ReplayModel.Progress.NONE);

        assertThat(replay.size()).isEqualTo(MINIMAL.size() - 1);
        assertThat(replay.trace().event(2).body()).isInstanceOf(EventBody.Unknown.class);
        ViewState atLeader = replay.seek(replay.trace().indexOfSeq(16) + 1);
        assertThat(atLeader.nodes().role(0)).isEqualTo(Role.LEADER);
        assertThat(atLeader.nodes().promised(1).round()).isEqualTo(1);
        assertThat(atLeader.nodes().leader(1)).as("no heartbeat yet: who it follows is not known").isEqualTo(-1);

        ViewState inFlight = replay.seek(replay.trace().indexOfSeq(17) + 1);
        assertThat(inFlight.flight().all()).singleElement().satisfies(flying -> {
            assertThat(flying.wire().kind()).isEqualTo("accept");
            assertThat(flying.wire().message()).isNull();
            assertThat(flying.dueMs()).as("learned from the drop further on").isEqualTo(4);
            assertThat(flying.progress(3)).isEqualTo(0.5);
        });

        ViewState end = replay.seek(replay.size());
        assertThat(end.log().state(0, 0)).isEqualTo(SlotState.APPLIED);
        assertThat(end.stores().contents(0)).containsEntry("x", "1");
        assertThat(end.links().isUp(2, 0)).isFalse();
        assertThat(end.nodes().isUp(1)).isFalse();
        assertThat(end.flight().all()).isEmpty();
        assertThat(end.clients().acknowledged()).isEqualTo(1);
        assertThat(replay.markers()).extracting(Marker::kind)
                .contains(Marker.Kind.LEADER, Marker.Kind.LINK, Marker.Kind.CRASH, Marker.Kind.ANSWER);
        assertThat(ReplayVerdict.check(replay.trace(), () -> false).report().ok()).isTrue();
    }

    @Test
    void seqGapsAreFineAndSeekingBySeqFindsTheNearestEvent() throws Exception {
        Path file = dir.resolve("gaps.jsonl");
        Files.write(file, MINIMAL);
        ReplayModel replay = ReplayModel.open(file, ReplayModel.Progress.NONE);

        assertThat(replay.trace().indexOfSeq(11)).isEqualTo(-1);
        assertThat(replay.trace().indexAtOrAfterSeq(11)).isEqualTo(replay.trace().indexOfSeq(12));
        assertThat(replay.trace().positionAt(2)).isEqualTo(replay.trace().indexOfSeq(17) + 1);
    }
}
