package paxosviz.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import paxosviz.BadInputException;
import paxosviz.check.Checker;
import paxosviz.check.Verdict;
import paxosviz.scenario.Expectations;
import paxosviz.trace.json.TraceReader;
import paxosviz.trace.model.TraceHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check TRACE.jsonl}: judges a trace, whoever wrote it. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks a trace file, whoever wrote it: agreement, validity, apply order, results, linearizability,"
                + " and the expectations of the scenario in its header. Exit 0: all hold; 1: a violation; 2: bad input.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE.jsonl", description = "the trace (.jsonl or .jsonl.gz)")
    private Path traceFile;

    @Option(names = "--converged", description = "also require every live node to end in the same state")
    private boolean requireConvergence;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Checker[] checker = new Checker[1];
        TraceHeader header;
        try {
            header = TraceReader.readWithHeader(traceFile, h -> checker[0] = new Checker(h.nodes()));
        } catch (BadInputException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Expectations expect = header.scenario() != null && header.scenario().expect() != null
                ? header.scenario().expect() : Expectations.NONE;
        if (requireConvergence) {
            expect = new Expectations(expect.agreement(), expect.linearizable(), true, expect.minAcknowledged());
        }
        Verdict verdict = Verdict.of(checker[0].report(), expect);
        Summary.print(out, traceFile + ": " + header.nodes() + " nodes, runtime " + header.runtime(), verdict);
        return verdict.ok() ? ExitCodes.OK : ExitCodes.VIOLATION;
    }
}
