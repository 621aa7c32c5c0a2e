import Measurement
@testable import Report
import Testing

/// Virtual clock rows, directions, pairing, verification and the input the check refuses.
struct CheckTests {
    private typealias Row = CheckFixtures.Row

    private func check(_ baseline: [Row], _ current: [Row], clock: String = "virtual",
                       options: CheckOptions = CheckOptions()) throws -> CheckReport {
        try RegressionCheck(options: options).compare(baseline: CheckFixtures.results(baseline, clock: clock),
                                                      current: CheckFixtures.results(current, clock: clock))
    }

    private func figure(_ metric: Metric, _ report: CheckReport) throws -> MetricComparison {
        try #require(report.rows.first?.metrics.first { $0.metric == metric })
    }

    // MARK: - Virtual clock: exact

    @Test(arguments: [(951.0, CheckStatus.pass), (950, .pass), (949, .regression), (1_049, .pass), (1_051, .improvement)])
    func virtualThroughputIsComparedExactlyWithTheThreshold(_ current: Double, _ expected: CheckStatus) throws {
        let report = try check([Row(throughput: [1_000])], [Row(throughput: [current])])
        let throughput = try figure(.throughput, report)
        #expect(throughput.status == expected)
        #expect(throughput.method == .exact)
        #expect(throughput.pValue == nil && throughput.effectSize == nil && throughput.notes.isEmpty,
                "one repetition is enough when figures are deterministic")
    }

    @Test(arguments: [(10.49, CheckStatus.pass), (10.51, .regression), (9.49, .improvement)])
    func virtualLatencyRisingIsARegression(_ p99: Double, _ expected: CheckStatus) throws {
        let report = try check([Row(throughput: [1_000], p99LatencyMs: [10])], [Row(throughput: [1_000], p99LatencyMs: [p99])],
                               options: CheckOptions(metrics: [.p99LatencyMs]))
        #expect(try figure(.p99LatencyMs, report).status == expected)
        #expect(report.exitCode == (expected == .regression ? 1 : 0))
    }

    @Test func relativeChangeIsSignedAndNamesTheThreshold() throws {
        let report = try check([Row(throughput: [1_000])], [Row(throughput: [1_100])],
                               options: CheckOptions(maxRegressionPercent: 12, metrics: [.throughput]))
        let throughput = try figure(.throughput, report)
        #expect(throughput.changePercent.map { ($0 * 1_000).rounded() } == 10_000)
        #expect(throughput.thresholdPercent == 12)
        #expect(throughput.status == .pass)
    }

    @Test func hostFiguresOfVirtualRowsStillNeedSignificance() throws {
        let row = Row(throughput: [1_000, 1_000, 1_000], cpuSeconds: [1, 1.2, 0.9])
        var current = row
        current.cpuSeconds = [1.3, 1.1, 1.2]
        let report = try check([row], [current], options: CheckOptions(metrics: [.throughput, .cpuSeconds]))
        #expect(try figure(.throughput, report).method == .exact)
        let cpu = try figure(.cpuSeconds, report)
        #expect(cpu.method == .thresholdOnly)
        #expect(cpu.notes == [.tooFewRepetitions(baseline: 3, current: 3, needed: 5, alpha: 0.01)])
        #expect(cpu.status == .regression, "20 % more CPU is beyond 5 %, judged by the threshold alone")
    }

    @Test func changeFromZeroHasNoPercentButStillCounts() throws {
        let report = try check([Row(throughput: [1_000], p99LatencyMs: [0])], [Row(throughput: [1_000], p99LatencyMs: [2])],
                               options: CheckOptions(metrics: [.p99LatencyMs]))
        let latency = try figure(.p99LatencyMs, report)
        #expect(latency.changePercent == nil)
        #expect(latency.status == .regression)
    }

    @Test func efficiencyIsComparedWhereTheWorkloadHasABound() throws {
        let report = try check([Row(throughput: [800], bound: 1_000)], [Row(throughput: [700], bound: 1_000)],
                               options: CheckOptions(metrics: [.efficiency]))
        let efficiency = try figure(.efficiency, report)
        #expect(efficiency.baseline == 0.8 && efficiency.current == 0.7)
        #expect(efficiency.status == .regression)
        let unbounded = try check([Row(throughput: [800])], [Row(throughput: [700])],
                                  options: CheckOptions(metrics: [.efficiency]))
        #expect(unbounded.rows.first?.metrics == [], "no bound, no efficiency to compare")
    }

    // MARK: - Verification

    @Test func failedVerificationInTheCurrentRunFailsTheCheck() throws {
        let report = try check([Row(throughput: [1_000])], [Row(throughput: [1_000], failures: ["issue 17 delivered twice"])],
                               options: CheckOptions(metrics: [.throughput]))
        let row = try #require(report.rows.first)
        #expect(row.status == .regression && !row.verified)
        #expect(row.notes == [.failedVerification(reasons: ["issue 17 delivered twice"])])
        #expect(row.metrics.allSatisfy { $0.status == .pass }, "the figures of the passing repetitions are unchanged")
        #expect(report.exitCode == 1)
        #expect(report.failureLines == ["gate · phase3 · 1,000 issues: failed verification: issue 17 delivered twice"])
    }

    @Test func rowWithNoPassingRepetitionHasNoFiguresToCompare() throws {
        let report = try check([Row(throughput: [1_000])], [Row(throughput: [], failures: ["timeout after 120 s"])])
        let row = try #require(report.rows.first)
        #expect(row.metrics.isEmpty)
        #expect(row.notes == [.failedVerification(reasons: ["timeout after 120 s"]), .noPassingRepetition(.current)])
        #expect(report.exitCode == 1)
    }

    @Test func failedBaselineRowOnlyWarns() throws {
        let report = try check([Row(throughput: [1_000], failures: ["crashed"])], [Row(throughput: [1_000])])
        #expect(report.rows.first?.notes == [.baselineFailedVerification(reasons: ["crashed"])])
        #expect(report.status == .warning && report.exitCode == 0)
    }

    // MARK: - Pairing

    @Test func singleRowsPairAcrossTuningsSoAnInjectedRegressionIsFound() throws {
        var slow = Row(throughput: [400])
        slow.tuning = ["maxConnections": 2]
        let report = try check([Row(throughput: [1_000])], [slow], options: CheckOptions(metrics: [.throughput]))
        let row = try #require(report.rows.first)
        #expect(row.notes == [.tuningDiffers(baseline: ["maxConnections": 20], current: ["maxConnections": 2])])
        #expect(row.notes.first?.description == "tuning differs from the baseline: maxConnections 20 → 2")
        #expect(row.status == .regression && report.exitCode == 1)
        #expect(report.failureLines == ["gate · phase3 · 1,000 issues: throughput 1,000 → 400 issues/s (−60.0 %, threshold 5 %)"])
    }

    @Test func sweepRowsPairByTuning() throws {
        func tuned(_ connections: Double, _ throughput: Double) -> Row {
            var row = Row(throughput: [throughput])
            row.tuning = ["maxConnections": connections]
            return row
        }
        let report = try check([tuned(2, 400), tuned(20, 1_000)], [tuned(20, 1_000), tuned(2, 300)],
                               options: CheckOptions(metrics: [.throughput]))
        #expect(report.rows.map(\.label) == ["phase3 maxConnections=2", "phase3 maxConnections=20"])
        #expect(report.rows.map(\.status) == [.regression, .pass])
    }

    @Test func rowsAreOrderedByScenarioThenSizeThenEngine() throws {
        let rows = [Row(scenario: "b", engine: "phase1", issues: 100, throughput: [1]),
                    Row(scenario: "a", engine: "phase3", issues: 1_000, throughput: [1]),
                    Row(scenario: "a", engine: "phase1", issues: 1_000, throughput: [1]),
                    Row(scenario: "a", engine: "phase2", issues: 100, throughput: [1])]
        let report = try check(rows, rows.reversed())
        #expect(report.rows.map(\.title) == ["b · phase1 · 100 issues", "a · phase2 · 100 issues",
                                             "a · phase1 · 1,000 issues", "a · phase3 · 1,000 issues"])
    }

    @Test func severalFilesOnEachSideMerge() throws {
        let p1 = Row(engine: "phase1", throughput: [100]), p3 = Row(throughput: [1_000])
        let report = try RegressionCheck().compare(
            baseline: [CheckFixtures.results([p1]), CheckFixtures.results([p3])],
            current: [CheckFixtures.results([p3, p1])])
        #expect(report.rows.map(\.row.engine) == ["phase1", "phase3"])
    }

    // MARK: - Refused input (exit 2)

    @Test func differentWorkloadIsAnError() {
        let row = Row(throughput: [1_000])
        #expect(throws: CheckError.workloadChanged(scenario: "gate", baseline: "0123456789abcdef", current: "fedcba9876543210")) {
            try RegressionCheck().compare(baseline: CheckFixtures.results([row]),
                                          current: CheckFixtures.results([row], workloadHash: "fedcba9876543210"))
        }
        #expect(CheckError.workloadChanged(scenario: "gate", baseline: "0123456789abcdef", current: "fedcba9876543210")
            .description == "scenario 'gate': the workload differs from the baseline's (workload hash 0123456789abcdef "
            + "in the baseline, fedcba9876543210 now); compare runs of one workload, or record a new baseline")
    }

    @Test func missingRowsOnEitherSideAreAnError() throws {
        let p1 = Row(engine: "phase1", throughput: [100]), p2 = Row(engine: "phase2", issues: 100, throughput: [100])
        let p3 = Row(throughput: [1_000])
        let error = #expect(throws: CheckError.self) { try self.check([p1, p3], [p2, p3]) }
        #expect(error == .missingRows(fromCurrent: [RowKey(scenario: "gate", engine: "phase1", issues: 1_000,
                                                           tuning: ["maxConnections": 20])],
                                      fromBaseline: [RowKey(scenario: "gate", engine: "phase2", issues: 100,
                                                            tuning: ["maxConnections": 20])]))
        #expect(error?.description == """
            row gate · phase1 (maxConnections=20) · 1,000 issues of the baseline is missing from the current results
            row gate · phase2 (maxConnections=20) · 100 issues of the current results is not in the baseline
            """)
    }

    @Test func differentClockModesAreAnError() {
        let row = Row(throughput: [1_000])
        #expect(throws: CheckError.clockChanged(row: nil, baseline: "wall", current: "virtual")) {
            try RegressionCheck().compare(baseline: CheckFixtures.results([row], clock: "wall"),
                                          current: CheckFixtures.results([row], clock: "virtual"))
        }
        #expect(CheckError.clockChanged(row: nil, baseline: "wall", current: "virtual").description
            == "the baseline was measured on the wall clock, the current results on the virtual clock; "
            + "compare runs of one clock mode")
    }

    @Test func duplicateRowOnOneSideIsAnError() {
        let row = Row(throughput: [1_000])
        #expect(throws: CheckError.duplicateRow(.baseline, RowKey(scenario: "gate", engine: "phase3", issues: 1_000,
                                                                 tuning: ["maxConnections": 20]))) {
            try RegressionCheck().compare(baseline: [CheckFixtures.results([row]), CheckFixtures.results([row])],
                                          current: [CheckFixtures.results([row])])
        }
    }

    @Test func emptyBaselineIsAnError() {
        #expect(throws: CheckError.noRows(.baseline)) {
            try RegressionCheck().compare(baseline: CheckFixtures.results([]), current: CheckFixtures.results([Row(throughput: [1])]))
        }
        #expect(CheckError.noRows(.current).description == "no rows to compare in the current results")
    }

    @Test func rowsWithoutAWorkloadHashAreAnError() {
        var baseline = CheckFixtures.results([Row(throughput: [1_000])])
        baseline.scenarios = []
        #expect(throws: CheckError.missingWorkloadHash(.baseline, scenario: "gate")) {
            try RegressionCheck().compare(baseline: baseline, current: CheckFixtures.results([Row(throughput: [1_000])]))
        }
    }

    @Test func rowMeasuredOnAnotherClockIsAnError() {
        var current = CheckFixtures.results([Row(throughput: [1_000])], clock: "virtual")
        current.summaries[0].clock = "wall"
        current.environment.clock = "wall"
        var baseline = CheckFixtures.results([Row(throughput: [1_000])], clock: "virtual")
        baseline.environment.clock = "wall"
        let key = RowKey(scenario: "gate", engine: "phase3", issues: 1_000, tuning: ["maxConnections": 20])
        let error = #expect(throws: CheckError.self) { try RegressionCheck().compare(baseline: baseline, current: current) }
        #expect(error == .clockChanged(row: key, baseline: "virtual", current: "wall"))
        #expect(error?.description == "gate · phase3 (maxConnections=20) · 1,000 issues: the baseline row was measured "
            + "on the virtual clock, the current results on the wall clock; compare runs of one clock mode")
    }

    @Test func oneScenarioWithTwoWorkloadsOnOneSideIsAnError() {
        let row = Row(throughput: [1_000])
        #expect(throws: CheckError.conflictingWorkloads(.current, scenario: "gate", hashes: ["0123456789abcdef", "ffff"])) {
            try RegressionCheck().compare(baseline: [CheckFixtures.results([row])],
                                          current: [CheckFixtures.results([row]),
                                                    CheckFixtures.results([Row(issues: 100, throughput: [1])], workloadHash: "ffff")])
        }
    }

    // MARK: - Machines

    @Test func comparingAcrossMachinesWarnsOnHostFiguresOnly() throws {
        let row = Row(throughput: [1_000, 1_000, 1_000, 1_000, 1_000])
        let report = try RegressionCheck(options: CheckOptions(metrics: [.throughput, .peakRSSMiB])).compare(
            baseline: CheckFixtures.results([row], clock: "virtual", machine: CheckFixtures.otherMachine, build: "debug"),
            current: CheckFixtures.results([row], clock: "virtual"))
        #expect(report.warnings == [.differentMachine(baseline: "laptop (Apple M2)", current: "ci-runner (AMD EPYC 7B13)"),
                                    .differentBuild(baseline: "debug", current: "release")])
        let figures = try #require(report.rows.first).metrics
        #expect(figures.map(\.notes) == [[], [.acrossEnvironments]], "virtual throughput does not depend on the machine")
        #expect(report.status == .warning && report.exitCode == 0)
        #expect(report.warnings[0].description == "the baseline was measured on laptop (Apple M2), the current results "
            + "on ci-runner (AMD EPYC 7B13): figures measured on the host are not comparable across machines")
    }
}
