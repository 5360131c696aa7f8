package paxosviz.trace.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import paxosviz.core.Address;
import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.trace.model.Wire;

/** Traces written by other tools: extra fields, unknown types, no seed, odd scenarios. */
class TraceReaderTest {

    static final String HEADER = "{\"type\":\"header\",\"format\":\"paxos-trace\",\"version\":1,\"nodes\":5}";

    static List<TraceEvent> events(String text) throws Exception {
        List<TraceEvent> events = new ArrayList<>();
        TraceReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.jsonl", events::add);
        return events;
    }

    static TraceHeader header(String text) throws Exception {
        return TraceReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.jsonl", e -> { });
    }

    @Test
    void readsAForeignTraceGenerously() throws Exception {
        String trace = HEADER + "\r\n"
                + "\n"
                + "{\"seq\":1,\"t\":0,\"type\":\"vote-cast\",\"node\":2,\"color\":\"red\"}\r\n"
                + "   \n"
                + "{\"seq\":5,\"t\":0.5,\"type\":\"chosen\",\"node\":1,\"slot\":0,\"cmd\":{\"type\":\"noop\",\"why\":\"gap\"},\"x\":[1]}\n"
                + "{\"seq\":6,\"t\":1,\"type\":\"send\",\"node\":0,\"to\":\"alice\",\"msg\":{\"id\":3,\"kind\":\"gossip\",\"rumor\":1}}\n"
                + "{\"seq\":7,\"t\":1,\"type\":\"send\",\"node\":0,\"to\":1,\"msg\":{\"id\":4,\"kind\":\"prepare\",\"ballot\":\"high\"}}\n"
                + "{\"seq\":8,\"t\":2,\"type\":\"note\",\"node\":\"zero\"}\n"
                + "{\"seq\":9,\"t\":3,\"type\":\"restart\",\"node\":4}";

        List<TraceEvent> events = events(trace);

        assertThat(events).containsExactly(
                new TraceEvent(1, 0, new EventBody.Unknown("vote-cast", 2)),
                new TraceEvent(5, 0.5, new EventBody.NodeStep(1, new NodeEvent.Chosen(0, Command.NOOP))),
                new TraceEvent(6, 1, new EventBody.Send(Address.node(0), Address.client("alice"), new Wire(3, "gossip", null))),
                new TraceEvent(7, 1, new EventBody.Send(Address.node(0), Address.node(1), new Wire(4, "prepare", null))),
                new TraceEvent(8, 2, new EventBody.Unknown("note", null)),
                new TraceEvent(9, 3, new EventBody.Restart(4, -1, false)));
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsSkipped() throws Exception {
        assertThat(events("\uFEFF" + HEADER + "\n{\"seq\":1,\"t\":0,\"type\":\"heal\"}\n"))
                .containsExactly(new TraceEvent(1, 0, new EventBody.Healed()));
    }

    @Test
    void aHeaderMayLackSeedAndScenario() throws Exception {
        assertThat(header(HEADER)).isEqualTo(new TraceHeader(1, 5, null, null, null));
    }

    @Test
    void anUnreadableScenarioInTheHeaderIsLeftOut() throws Exception {
        String empty = "{\"type\":\"header\",\"format\":\"paxos-trace\",\"version\":1,\"nodes\":5,\"runtime\":\"sim\",\"seed\":7,\"scenario\":{}}";
        String odd = "{\"type\":\"header\",\"format\":\"paxos-trace\",\"nodes\":2,\"scenario\":{\"nodes\":\"many\",\"steps\":[[[]]]}}";
        String text = "{\"type\":\"header\",\"format\":\"paxos-trace\",\"nodes\":2,\"scenario\":\"see run.json\"}";

        assertThat(header(empty)).isEqualTo(new TraceHeader(1, 5, "sim", 7L, null));
        assertThat(header(odd).scenario()).isNull();
        assertThat(header(text).scenario()).isNull();
    }

    @Test
    void readsAScenarioInTheHeader() throws Exception {
        String trace = "{\"type\":\"header\",\"format\":\"paxos-trace\",\"nodes\":3,"
                + "\"scenario\":{\"name\":\"s\",\"nodes\":3,\"durationMs\":10,\"steps\":[{\"at\":1,\"do\":\"heal\"}]}}";

        assertThat(header(trace).scenario().name()).isEqualTo("s");
        assertThat(header(trace).scenario().steps()).hasSize(1);
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("gone.jsonl");

        assertThatThrownBy(() -> TraceReader.read(missing, e -> { })).hasMessage(missing + ": no such file");
    }
}
