package paxosviz.scenario.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

import paxosviz.core.OpType;
import paxosviz.scenario.Step;

/** Writes one step in the scenario format: {@code at}, {@code do}, then the step's own fields. */
final class StepWriter {

    private StepWriter() {
    }

    static void write(Step step, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeFieldName("at");
        ScenarioWriter.writeNumber(step.at(), out);
        if (step instanceof Step.ClientOp op) {
            writeClientOp(op, out);
        } else if (step instanceof Step.Load load) {
            writeLoad(load, out);
        } else if (step instanceof Step.Partition partition) {
            writePartition(partition, out);
        } else if (step instanceof Step.Heal) {
            out.writeStringField("do", "heal");
        } else if (step instanceof Step.Cut cut) {
            writeLink("cut", cut.from(), cut.to(), cut.oneWay(), out);
        } else if (step instanceof Step.Restore restore) {
            writeLink("restore", restore.from(), restore.to(), restore.oneWay(), out);
        } else if (step instanceof Step.Isolate isolate) {
            writeNodeStep("isolate", isolate.node(), out);
        } else if (step instanceof Step.Crash crash) {
            writeNodeStep("crash", crash.node(), out);
        } else if (step instanceof Step.Restart restart) {
            writeNodeStep("restart", restart.node(), out);
        } else if (step instanceof Step.ByRole byRole) {
            out.writeStringField("do", byRole.fault().wireName());
            out.writeStringField("node", byRole.role().wireName());
        } else if (step instanceof Step.NetworkChange change) {
            writeNetworkChange(change, out);
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
        out.writeEndObject();
    }

    private static void writeClientOp(Step.ClientOp op, JsonGenerator out) throws IOException {
        out.writeStringField("do", op.type().wireName());
        out.writeStringField("client", op.client());
        out.writeStringField("key", op.key());
        if (op.type() == OpType.CAS) {
            out.writeStringField("expect", op.expect());
        }
        if (op.type() != OpType.GET) {
            out.writeStringField("value", op.value());
        }
    }

    private static void writeLoad(Step.Load load, JsonGenerator out) throws IOException {
        out.writeStringField("do", "load");
        out.writeNumberField("clients", load.clients());
        out.writeArrayFieldStart("keys");
        for (String key : load.keys()) {
            out.writeString(key);
        }
        out.writeEndArray();
        out.writeFieldName("ratePerSec");
        ScenarioWriter.writeNumber(load.ratePerSec(), out);
        out.writeFieldName("until");
        ScenarioWriter.writeNumber(load.until(), out);
    }

    private static void writePartition(Step.Partition partition, JsonGenerator out) throws IOException {
        out.writeStringField("do", "partition");
        out.writeArrayFieldStart("groups");
        for (Step.Group group : partition.groups()) {
            out.writeStartArray();
            for (int node : group.nodes()) {
                out.writeNumber(node);
            }
            for (String client : group.clients()) {
                out.writeString(client);
            }
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    private static void writeLink(String kind, int from, int to, boolean oneWay, JsonGenerator out) throws IOException {
        out.writeStringField("do", kind);
        out.writeNumberField("from", from);
        out.writeNumberField("to", to);
        out.writeBooleanField("oneWay", oneWay);
    }

    private static void writeNodeStep(String kind, int node, JsonGenerator out) throws IOException {
        out.writeStringField("do", kind);
        out.writeNumberField("node", node);
    }

    /** Only the parameters that change; a delay range needs both ends. */
    private static void writeNetworkChange(Step.NetworkChange change, JsonGenerator out) throws IOException {
        out.writeStringField("do", "network");
        if (change.minDelayMs() != null && change.maxDelayMs() != null) {
            ScenarioWriter.writeRange("delayMs", change.minDelayMs(), change.maxDelayMs(), out);
        }
        if (change.drop() != null) {
            out.writeFieldName("drop");
            ScenarioWriter.writeNumber(change.drop(), out);
        }
        if (change.duplicate() != null) {
            out.writeFieldName("duplicate");
            ScenarioWriter.writeNumber(change.duplicate(), out);
        }
    }
}
