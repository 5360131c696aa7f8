package paxosviz.trace.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.OpId;
import paxosviz.core.OpType;
import paxosviz.core.Result;
import paxosviz.core.Snapshot;
import paxosviz.kv.KvStore;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioReader;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.trace.model.Wire;

class TraceRoundTripTest {

    private static final TraceHeader HEADER = new TraceHeader(1, 5, "sim", 7L, null);

    static byte[] write(TraceHeader header, List<TraceEvent> events) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(bytes, header)) {
            events.forEach(writer::accept);
        }
        return bytes.toByteArray();
    }

    static List<TraceEvent> read(byte[] trace) throws Exception {
        List<TraceEvent> events = new ArrayList<>();
        TraceReader.read(new ByteArrayInputStream(trace), "t.jsonl", events::add);
        return events;
    }

    @Test
    void theSamplesCoverEveryRecord() {
        assertThat(Samples.bodies()).extracting(Object::getClass).map(Class.class::cast)
                .containsAll(Arrays.asList(EventBody.class.getPermittedSubclasses()));
        assertThat(Samples.nodeEvents()).extracting(Object::getClass).map(Class.class::cast)
                .containsAll(Arrays.asList(NodeEvent.class.getPermittedSubclasses()));
        assertThat(Samples.messages()).extracting(Object::getClass).map(Class.class::cast)
                .containsAll(Arrays.asList(Message.class.getPermittedSubclasses()));
    }

    @Test
    void everyEventReadsBackEqual() throws Exception {
        List<TraceEvent> events = Samples.events();

        assertThat(read(write(HEADER, events))).containsExactlyElementsOf(events);
    }

    @Test
    void theHeaderReadsBackEqual() throws Exception {
        Scenario scenario = ScenarioReader.read(Path.of(getClass().getResource("/scenarios/contract-example.json").toURI()));
        TraceHeader withScenario = new TraceHeader(1, 5, "threads", 7L, scenario);
        TraceHeader bare = new TraceHeader(1, 3, "sim", null, null);

        assertThat(TraceReader.read(new ByteArrayInputStream(write(withScenario, List.of())), "a", e -> { }))
                .isEqualTo(withScenario);
        assertThat(TraceReader.read(new ByteArrayInputStream(write(bare, List.of())), "b", e -> { }))
                .isEqualTo(bare);
    }

    @Test
    void writesTheContractsJsonExactly() throws Exception {
        List<TraceEvent> events = List.of(
                new TraceEvent(1, 0, new EventBody.Invoke("alice", Command.cas("alice", 1, "stock", "1", "0"))),
                new TraceEvent(2, 0, new EventBody.Send(Address.node(0), Address.node(1),
                        Wire.of(17, new Message.Prepare(new Ballot(3, 0), 0)))),
                new TraceEvent(3, 1.5, new EventBody.NodeStep(1, new NodeEvent.Applied(0, Command.get("bob", 2, "k"),
                        Result.read(null)))),
                new TraceEvent(4, 2, new EventBody.Return("alice", Command.cas("alice", 1, "stock", "1", "0"),
                        Outcome.OK, Result.swapped(true))),
                new TraceEvent(5, 3, new EventBody.Deliver(Address.client("alice"), Address.node(2),
                        Wire.of(18, new Message.Redirect(new OpId("alice", 1), -1)))),
                new TraceEvent(6, 4, new EventBody.NodeStep(0, new NodeEvent.Chosen(3, Command.NOOP))),
                new TraceEvent(7, 5, new EventBody.End(List.of(new EventBody.NodeEnd(0, true, 3, "ab")))));

        String text = new String(write(HEADER, events), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("""
                {"type":"header","format":"paxos-trace","version":1,"nodes":5,"runtime":"sim","seed":7,"scenario":{}}
                {"seq":1,"t":0.0,"type":"invoke","client":"alice","op":{"client":"alice","seq":1,"type":"cas","key":"stock","expect":"1","value":"0"}}
                {"seq":2,"t":0.0,"type":"send","node":0,"to":1,"msg":{"id":17,"kind":"prepare","ballot":{"round":3,"node":0},"fromSlot":0}}
                {"seq":3,"t":1.5,"type":"apply","node":1,"slot":0,"cmd":{"client":"bob","seq":2,"type":"get","key":"k"},"result":{"value":null}}
                {"seq":4,"t":2.0,"type":"return","client":"alice","op":{"client":"alice","seq":1,"type":"cas","key":"stock","expect":"1","value":"0"},"outcome":"ok","result":{"ok":true}}
                {"seq":5,"t":3.0,"type":"deliver","client":"alice","from":2,"msg":{"id":18,"kind":"redirect","op":{"client":"alice","seq":1},"leader":-1}}
                {"seq":6,"t":4.0,"type":"chosen","node":0,"slot":3,"cmd":{"type":"noop"}}
                {"seq":7,"t":5.0,"type":"end","nodes":[{"node":0,"up":true,"applied":3,"digest":"ab"}]}
                """);
    }

    @Test
    void writesThePreVoteMessagesAndTheViewEventAsTheReadmeDocumentsThem() throws Exception {
        List<TraceEvent> events = List.of(
                new TraceEvent(1, 0, new EventBody.Send(Address.node(3), Address.node(1),
                        Wire.of(5, new Message.PreVote(new Ballot(4, 3), 17)))),
                new TraceEvent(2, 1, new EventBody.Send(Address.node(1), Address.node(3),
                        Wire.of(6, new Message.PreVoteReply(new Ballot(4, 3), false, 0, 20, new Ballot(3, 0))))),
                new TraceEvent(3, 2, new EventBody.NodeStep(2, new NodeEvent.ViewChanged(3, 2, -1))));

        String text = new String(write(HEADER, events), StandardCharsets.UTF_8);

        assertThat(text.lines().skip(1)).containsExactly(
                "{\"seq\":1,\"t\":0.0,\"type\":\"send\",\"node\":3,\"to\":1,\"msg\":{\"id\":5,\"kind\":\"prevote\","
                        + "\"ballot\":{\"round\":4,\"node\":3},\"applied\":17}}",
                "{\"seq\":2,\"t\":1.0,\"type\":\"send\",\"node\":1,\"to\":3,\"msg\":{\"id\":6,\"kind\":\"prevote-reply\","
                        + "\"ballot\":{\"round\":4,\"node\":3},\"granted\":false,\"leader\":0,\"applied\":20,"
                        + "\"promised\":{\"round\":3,\"node\":0}}}",
                "{\"seq\":3,\"t\":2.0,\"type\":\"view\",\"node\":2,\"view\":3,\"primary\":2,\"backup\":-1}");
        assertThat(read(write(HEADER, events))).containsExactlyElementsOf(events);
    }

    @Test
    void equalInputGivesEqualBytes() throws Exception {
        assertThat(write(HEADER, Samples.events())).isEqualTo(write(HEADER, Samples.events()));
    }

    @Test
    void aSnapshotReadsBackAsItsSizeOnly() throws Exception {
        KvStore store = new KvStore();
        store.apply(Command.put("a", 1, "x", "1"));
        store.apply(Command.put("a", 2, "y", "2"));
        Message transfer = new Message.SnapshotTransfer(new Snapshot(5, store.snapshot()));

        List<TraceEvent> back = read(write(HEADER, List.of(
                new TraceEvent(1, 0, new EventBody.Send(Address.node(0), Address.node(1), Wire.of(1, transfer))))));

        Message read = ((EventBody.Send) back.get(0).body()).msg().message();
        assertThat(read).isEqualTo(new Message.SnapshotTransfer(new Snapshot(5, new TracedSnapshot(2))));
        assertThat(((TracedSnapshot) ((Message.SnapshotTransfer) read).snapshot().data()).restorable()).isFalse();
    }

    @Test
    void gzipsByFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.jsonl.gz");
        try (TraceWriter writer = new TraceWriter(file, HEADER)) {
            Samples.events().forEach(writer::accept);
        }
        List<TraceEvent> events = new ArrayList<>();

        TraceHeader header = TraceReader.read(file, events::add);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(new int[] {bytes[0] & 0xff, bytes[1] & 0xff}).containsExactly(0x1f, 0x8b);
        assertThat(header).isEqualTo(HEADER);
        assertThat(events).containsExactlyElementsOf(Samples.events());
    }

    @Test
    void writesPlainTextToOtherNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.jsonl");
        try (TraceWriter writer = new TraceWriter(file, HEADER)) {
            writer.accept(new TraceEvent(1, 0, new EventBody.Crash(2)));
            writer.flush();

            assertThat(Files.readAllLines(file)).hasSize(2).last().isEqualTo("{\"seq\":1,\"t\":0.0,\"type\":\"crash\",\"node\":2}");
        }
    }

    @Test
    void aResultIsReadByItsCommandsType() throws Exception {
        List<TraceEvent> events = List.of(new TraceEvent(1, 0, new EventBody.NodeStep(0,
                new NodeEvent.Applied(0, Command.append("a", 1, "k", "v"), Result.of(OpType.APPEND)))));

        NodeEvent.Applied applied = (NodeEvent.Applied) ((EventBody.NodeStep) read(write(HEADER, events)).get(0).body()).event();

        assertThat(applied.result()).isEqualTo(Result.of(OpType.APPEND));
    }
}
