package paxosviz.scenario.json;

import static java.util.Objects.requireNonNullElse;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import paxosviz.scenario.Expectations;
import paxosviz.scenario.NetworkSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.Step;
import paxosviz.scenario.TimingSpec;

/**
 * Writes a scenario as canonical JSON: every field with its value (defaults made explicit),
 * fields in a fixed order, steps in their listed order. {@link ScenarioReader} reads it back
 * into an equal scenario.
 */
public final class ScenarioWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ScenarioWriter() {
    }

    /** The scenario as indented JSON text ending in a newline, for saving. */
    public static String write(Scenario scenario) {
        StringWriter text = new StringWriter();
        try {
            writeIndented(scenario, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static void save(Scenario scenario, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeIndented(scenario, out);
        }
    }

    /** Writes the scenario as one JSON object into a document being generated, such as a trace header. */
    public static void write(Scenario scenario, JsonGenerator out) throws IOException {
        out.writeStartObject();
        if (scenario.name() != null) {
            out.writeStringField("name", scenario.name());
        }
        if (scenario.description() != null) {
            out.writeStringField("description", scenario.description());
        }
        out.writeNumberField("nodes", scenario.nodes());
        out.writeNumberField("seed", scenario.seed());
        // Scenarios built in code may leave parts out; they are written as the reader's defaults.
        out.writeStringField("protocol", requireNonNullElse(scenario.protocol(), Protocol.MULTIPAXOS).wireName());
        writeNetwork(requireNonNullElse(scenario.network(), NetworkSpec.DEFAULT), out);
        writeTiming(requireNonNullElse(scenario.timing(), TimingSpec.DEFAULT), out);
        out.writeFieldName("durationMs");
        writeNumber(scenario.durationMs(), out);
        out.writeArrayFieldStart("steps");
        for (Step step : scenario.steps()) {
            StepWriter.write(step, out);
        }
        out.writeEndArray();
        writeExpectations(requireNonNullElse(scenario.expect(), Expectations.NONE), out);
        out.writeObjectFieldStart("unsafe");
        out.writeBooleanField("amnesia", scenario.amnesia());
        out.writeEndObject();
        if (!scenario.narration().isEmpty()) {
            NarrationWriter.write(scenario.narration(), out);
        }
        out.writeEndObject();
    }

    private static void writeIndented(Scenario scenario, Writer text) throws IOException {
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.setPrettyPrinter(new DefaultPrettyPrinter().withSeparators(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            write(scenario, out);
            out.writeRaw('\n');
        }
    }

    private static void writeNetwork(NetworkSpec network, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart("network");
        writeRange("delayMs", network.minDelayMs(), network.maxDelayMs(), out);
        out.writeFieldName("drop");
        writeNumber(network.drop(), out);
        out.writeFieldName("duplicate");
        writeNumber(network.duplicate(), out);
        out.writeEndObject();
    }

    private static void writeTiming(TimingSpec timing, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart("timing");
        out.writeFieldName("heartbeatMs");
        writeNumber(timing.heartbeatMs(), out);
        writeRange("electionTimeoutMs", timing.electionMinMs(), timing.electionMaxMs(), out);
        out.writeEndObject();
    }

    /** Only what is required: the format says an omitted expectation is not required. */
    private static void writeExpectations(Expectations expect, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart("expect");
        if (expect.agreement() != null) {
            out.writeBooleanField("agreement", expect.agreement());
        }
        if (expect.linearizable() != null) {
            out.writeBooleanField("linearizable", expect.linearizable());
        }
        if (expect.converged() != null) {
            out.writeBooleanField("converged", expect.converged());
        }
        if (expect.minAcknowledged() != null) {
            out.writeNumberField("minAcknowledged", expect.minAcknowledged());
        }
        out.writeEndObject();
    }

    static void writeRange(String name, double min, double max, JsonGenerator out) throws IOException {
        out.writeArrayFieldStart(name);
        writeNumber(min, out);
        writeNumber(max, out);
        out.writeEndArray();
    }

    /** Whole numbers without a fraction ({@code 5000}, not {@code 5000.0}): scenarios are read by people. */
    static void writeNumber(double value, JsonGenerator out) throws IOException {
        boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15
                && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0);
        if (whole) {
            out.writeNumber((long) value);
        } else {
            out.writeNumber(value);
        }
    }
}
