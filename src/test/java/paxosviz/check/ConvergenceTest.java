package paxosviz.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.trace.model.EventBody.NodeEnd;

class ConvergenceTest {

    @Test
    void upNodesWithTheSameAppliedSlotAndDigestHaveConverged() {
        CheckReport report = new TraceBuilder(3)
                .end(new NodeEnd(0, true, 4, "ab"), new NodeEnd(1, true, 4, "ab"), new NodeEnd(2, false, 1, "zz")).check();

        assertThat(report.converged()).isTrue();
    }

    @Test
    void upNodesThatDifferHaveNotConvergedYetTheReportStaysOk() {
        CheckReport report = new TraceBuilder(3)
                .end(new NodeEnd(0, true, 4, "ab"), new NodeEnd(1, true, 4, "cd"), new NodeEnd(2, true, 4, "ab")).check();

        assertThat(report.converged()).isFalse();
        assertThat(report.ok()).isTrue();
    }

    @Test
    void upNodesBehindOthersHaveNotConverged() {
        CheckReport report = new TraceBuilder(2)
                .end(new NodeEnd(0, true, 4, "ab"), new NodeEnd(1, true, 3, "ab")).check();

        assertThat(report.converged()).isFalse();
    }

    @Test
    void withoutAnEndEventConvergenceIsUnknown() {
        assertThat(new TraceBuilder(3).check().converged()).isNull();
    }

    @Test
    void withNoNodeUpConvergenceIsUnknown() {
        CheckReport report = new TraceBuilder(1).end(new NodeEnd(0, false, 4, "ab")).check();

        assertThat(report.converged()).isNull();
        assertThat(report.notes()).contains("no node was up at the end, so convergence is undecided");
    }
}
