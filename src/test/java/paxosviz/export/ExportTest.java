package paxosviz.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.ScenarioRunner;
import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.Expectations;
import paxosviz.scenario.NetworkSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.Step;
import paxosviz.trace.json.HistoryWriter;
import paxosviz.trace.model.TraceEvent;

/** Exports for other tools, from a real simulated run with a crash and a partition. */
class ExportTest {

    private static final List<TraceEvent> EVENTS = new ArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        Scenario scenario = new Scenario("export", "", 3, 5, Protocol.MULTIPAXOS, new NetworkSpec(1, 5, 0.1, 0), null, 1500,
                List.of(new Step.Load(0, 2, List.of("x"), 50, 1500), new Step.Crash(600, 2), new Step.Restart(900, 2)),
                Expectations.NONE, false);
        EventStream events = new EventStream();
        events.subscribe(EVENTS::add);
        ScenarioRunner.run(scenario, new Simulation(ClusterSpec.of(scenario), 5, events));
    }

    @Test
    void shivizClocksCountEachHostsEventsAndMergeOnDelivery() {
        StringWriter text = new StringWriter();
        ShivizWriter writer = new ShivizWriter(new PrintWriter(text), TimeWindow.ALL);
        EVENTS.forEach(writer::accept);

        String[] lines = text.toString().split("\n");
        assertThat(lines[0]).isEqualTo(ShivizWriter.REGEX);
        Pattern head = Pattern.compile("(\\S+) \\{(.*)\\}");
        Map<String, Long> own = new HashMap<>();
        int merged = 0;
        for (int i = 2; i + 1 < lines.length; i += 2) {
            Matcher m = head.matcher(lines[i]);
            assertThat(m.matches()).as("line %d: %s", i, lines[i]).isTrue();
            Map<String, Long> clock = parse(m.group(2));
            String host = m.group(1);
            assertThat(clock.get(host)).as("%s counts its own events one by one", host).isEqualTo(own.getOrDefault(host, 0L) + 1);
            own.put(host, clock.get(host));
            if (lines[i + 1].startsWith("deliver") && clock.size() > 1) {
                merged++;
            }
        }
        assertThat(writer.written()).isEqualTo(own.values().stream().mapToLong(Long::longValue).sum());
        assertThat(merged).isGreaterThan(100);
        assertThat(own).containsKeys("n0", "n1", "n2", "w1", "w2");
    }

    private static Map<String, Long> parse(String body) {
        Map<String, Long> clock = new HashMap<>();
        for (String part : body.split(", ")) {
            String[] kv = part.split(": ");
            clock.put(kv[0].replace("\"", ""), Long.parseLong(kv[1]));
        }
        return clock;
    }

    @Test
    void aWindowKeepsOnlyItsEventsAndStillCountsFromOne() {
        StringWriter text = new StringWriter();
        ShivizWriter writer = new ShivizWriter(new PrintWriter(text), new TimeWindow(700, 800));
        EVENTS.forEach(writer::accept);

        long inWindow = EVENTS.stream().filter(e -> e.t() >= 700 && e.t() <= 800).count();
        assertThat(writer.written()).isPositive().isLessThanOrEqualTo(inWindow);
        assertThat(text.toString()).doesNotContain(": 0}").contains("{\"n0\": 1");
    }

    @Test
    void theHistoryPairsEachInvokeWithItsReturn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HistoryWriter history = new HistoryWriter(out, 0, Double.POSITIVE_INFINITY)) {
            EVENTS.forEach(history::accept);
        }
        String[] lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n");
        long invokes = EVENTS.stream().filter(e -> e.type().equals("invoke")).count();

        assertThat(lines).hasSize((int) invokes);
        assertThat(lines[0]).startsWith("{\"client\":").contains("\"invoke\":{\"seq\":", "\"return\":{\"seq\":", "\"outcome\":\"ok\"");
    }

    @Test
    void theSpaceTimeDiagramShowsEveryHostMessagesLossesAndTheCrash() throws IOException {
        SpaceTimeDiagram diagram = new SpaceTimeDiagram(3, TimeWindow.ALL);
        EVENTS.forEach(diagram::accept);

        assertThat(diagram.hosts()).startsWith("n0", "n1", "n2").contains("w1", "w2");
        assertThat(diagram.arrows()).anyMatch(arrow -> Double.isNaN(arrow.arrived()));
        assertThat(diagram.arrows()).anyMatch(arrow -> arrow.arrived() > arrow.sent());
        assertThat(diagram.marks()).anyMatch(mark -> mark.label().equals("crash") && mark.host().equals("n2"));

        StringWriter svg = new StringWriter();
        SvgRenderer.render(diagram, new PrintWriter(svg));
        assertThat(svg.toString()).startsWith("<svg").endsWith("</svg>" + System.lineSeparator()).contains(">n2</text>", ">crash</text>");

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        PngRenderer.render(diagram, png);
        var image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(DiagramLayout.LEFT + DiagramLayout.COLUMN * diagram.hosts().size()));
        assertThat(image.getHeight()).isLessThanOrEqualTo((int) DiagramLayout.MAX_HEIGHT + 1);
    }
}
