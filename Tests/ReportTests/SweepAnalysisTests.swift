import Foundation
import Measurement
import Testing
@testable import Report

/// A sweep read back from its rows: dimensions, grid, best and knee, tables, plotted series.
@Suite struct SweepAnalysisTests {
    static let connections: [Double] = [1, 2, 4, 8, 16, 32, 64]
    /// Throughput by connections, chosen so that the best (310 at 32) and the knee (300 at 16,
    /// the first within 5 %: 310 × 0.95 = 294.5) are known by hand.
    static let throughputs: [Double] = [20, 40, 80, 160, 300, 310, 290]

    /// phase1 and phase2 once with their defaults, phase3 at each number of connections.
    static func rows(workload: [String: String]? = nil, bound: Double = 625) -> [Summary] {
        var rows = [Fixtures.summary("phase1", issues: 2_000, median: 19.8, bound: bound, tuning: ["concurrency": 1]),
                    Fixtures.summary("phase2", issues: 2_000, median: 286, bound: bound, tuning: ["maxConcurrency": 16])]
        rows += zip(connections, throughputs).map { c, t in
            Fixtures.summary("phase3", issues: 2_000, median: t, bound: bound, tuning: ["maxConnections": c, "window": 8])
        }
        for i in rows.indices { rows[i].workload = workload }
        return rows
    }

    static func curve(_ points: [(Double, Double, verified: Bool)]) -> [SweepCurve.Point] {
        points.map { x, y, verified in
            SweepCurve.Point(x: x, row: Fixtures.summary("phase3", issues: 10, median: y, verified: verified))
        }
    }

    // MARK: - Best and knee

    @Test func kneeIsTheSmallestValueWithinFivePercentOfTheBest() throws {
        let sweep = try #require(SweepAnalysis(Self.rows()))
        let phase3 = try #require(sweep.curves.first { $0.engine == "phase3" })
        #expect(phase3.best?.x == 32)
        #expect(phase3.best?.row.throughput.median == 310)
        #expect(phase3.knee?.x == 16)
    }

    @Test func kneeCountsAPointExactlyFivePercentBelow() {
        // 95 is exactly 5 % below 100: within reach, so it is the knee.
        let result = SweepCurve.bestAndKnee(Self.curve([(1, 50, true), (2, 95, true), (4, 100, true)]))
        #expect(result?.best.x == 4)
        #expect(result?.knee.x == 2)
    }

    @Test func failedPointsAreNeverBestAndTiesGoToTheSmallestValue() {
        let result = SweepCurve.bestAndKnee(Self.curve([(1, 80, true), (2, 100, true), (4, 100, true), (8, 500, false)]))
        #expect(result?.best.x == 2)
        #expect(result?.knee.x == 2)
        #expect(SweepCurve.bestAndKnee(Self.curve([(1, 0, true), (2, 10, false)])) == nil)
    }

    // MARK: - Dimensions and grid

    @Test func dimensionsComeFromWhatVaries() throws {
        let sweep = try #require(SweepAnalysis(Self.rows(workload: ["api.latencyMs.fixed": "50"])))
        #expect(sweep.dimensions == [.tunable(engine: "phase3", parameter: "maxConnections"), .workload(path: "api.latencyMs.fixed")])
        #expect(sweep.values == [["1", "2", "4", "8", "16", "32", "64"], ["50"]])
        #expect(sweep.engines == ["phase1", "phase2", "phase3"])
        #expect(sweep.points.count == 7)
        #expect(sweep.caption == "7 points over phase3.maxConnections × api.latencyMs.fixed, at 2,000 issues; "
            + "phase1, phase2 ran with their defaults, for comparison.")
    }

    @Test func anOrdinaryRunIsNotASweep() {
        #expect(SweepAnalysis(Fixtures.summaries) == nil)
    }

    @Test func sizesAreADimensionBesideAnotherButAloneAreAnOrdinaryRun() throws {
        var rows = [Fixtures.summary("phase1", issues: 1_000, median: 10), Fixtures.summary("phase1", issues: 10_000, median: 12)]
        rows[0].workload = ["issues.counts": "[1000]"]
        rows[1].workload = ["issues.counts": "[10000]"]
        #expect(SweepAnalysis(rows) == nil)
        rows[0].workload?["api.latencyMs.fixed"] = "5"
        rows[1].workload?["api.latencyMs.fixed"] = "5"
        let sweep = try #require(SweepAnalysis(rows))
        #expect(sweep.dimensions == [.workload(path: "api.latencyMs.fixed"), .size])
        #expect(sweep.values == [["5"], ["1000", "10000"]])
        #expect(sweep.row("phase1", at: ["5", "10000"])?.throughput.median == 12)
        #expect(sweep.curves.map(\.label) == ["phase1 · 1,000 issues", "phase1 · 10,000 issues"])
    }

    @Test func anEngineTheSweepDoesNotVaryFillsEveryPoint() throws {
        let sweep = try #require(SweepAnalysis(Self.rows()))
        for point in sweep.points {
            #expect(sweep.row("phase1", at: point)?.throughput.median == 19.8)
            #expect(sweep.bound(at: point) == 625)
        }
        #expect(sweep.row("phase3", at: ["16"])?.throughput.median == 300)
    }

    // MARK: - Tables

    @Test func throughputTableHasARowPerPointTheBoundAndAColumnPerEngine() throws {
        let sweep = try #require(SweepAnalysis(Self.rows()))
        #expect(ReportTable.sweep(sweep, metric: .throughput).markdown() == """
            | phase3.maxConnections | bound (issues/s) | phase1 (issues/s) | phase2 (issues/s) | phase3 (issues/s) |
            | ---: | ---: | ---: | ---: | ---: |
            | 1 | 625 | 19.8 | 286 | 20.0 |
            | 2 | 625 | 19.8 | 286 | 40.0 |
            | 4 | 625 | 19.8 | 286 | 80.0 |
            | 8 | 625 | 19.8 | 286 | 160 |
            | 16 | 625 | 19.8 | 286 | 300 |
            | 32 | 625 | 19.8 | 286 | 310 |
            | 64 | 625 | 19.8 | 286 | 290 |

            - phase3: best 310 issues/s at phase3.maxConnections=32; knee at 16 (the smallest value within 5 % of the best)

            """)
    }

    @Test func latencyAndMemoryTablesHaveNoBoundAndSayWhyARowFailed() throws {
        var rows = Self.rows()
        rows[8].verified = false
        rows[8].failures = ["issue 3 delivered twice"]
        let sweep = try #require(SweepAnalysis(rows))
        let table = ReportTable.sweep(sweep, metric: .peakRSS)
        #expect(table.columns.map(\.heading) == ["phase3.maxConnections", "phase1 (MiB)", "phase2 (MiB)", "phase3 (MiB)"])
        #expect(table.rows[6].map(\.text) == ["64", "11.8", "11.8", "✗"])
        #expect(table.notes.map(\.text) == ["✗ phase3 at phase3.maxConnections=64: issue 3 delivered twice"])
        #expect(ReportTable.sweep(sweep, metric: .p99Latency).rows[0].map(\.text) == ["1", "12.2", "12.2", "12.2"])
    }

    // MARK: - Plots

    @Test func seriesFollowTheCurvesAndUnvariedEnginesAreLevels() throws {
        let series = SweepSeries.series(of: try #require(SweepAnalysis(Self.rows())))
        #expect(series.map(\.engine) == ["phase3", "phase1", "phase2"])
        #expect(series.allSatisfy { $0.parameter == "phase3.maxConnections" })
        #expect(series[0].points == zip(Self.connections, Self.throughputs).map { .init(x: $0, y: $1, bound: 625) })
        #expect(series[0].knee == 16 && series[0].best == 32 && !series[0].measuredOnce)
        #expect(series[1].measuredOnce && series[1].points.map(\.y) == Array(repeating: 19.8, count: 7))
        #expect(series[1].points.allSatisfy { $0.bound == nil })
    }

    @Test func sweepPageHasOnePointMarkPerGridPointOneBoundAndALevelPerUnvariedEngine() throws {
        var results = Fixtures.results()
        results.summaries = Self.rows()
        results.claims = []
        let html = renderHTML([results])
        let elements = try HTMLReportTests().parse(html)
        #expect(elements.count("circle", "point") == Self.connections.count)
        #expect(elements.count("path", "line") == 1)
        #expect(elements.count("path", "level") == 2)
        #expect(elements.count("path", "bound") == 1)
        #expect(elements.count("circle", "knee") == 1)
        #expect(elements.count("table", "report") == SweepMetric.allCases.count)
        #expect(html.contains(">phase3.maxConnections, log scale<"))
        #expect(html.contains(">throughput (issues/s)<"))
        #expect(html.contains(">phase1 (measured once)<"))
        // The sweep replaces the by-size bar charts, which would stack seven phase3 rows at one size.
        #expect(elements.count("rect", "bar") == 0)
    }

    @Test func differentBoundsAreDrawnOncePerSeriesInItsColour() throws {
        let chart = LineChart.sweep([
            SweepSeries(engine: "a", parameter: "p", points: [.init(x: 1, y: 1, bound: 10), .init(x: 2, y: 2, bound: 10)]),
            SweepSeries(engine: "b", parameter: "p", points: [.init(x: 1, y: 1, bound: 20), .init(x: 2, y: 2, bound: 20)]),
        ], parameter: "p", colors: [:])
        let svg = chart.svg()
        #expect(try HTMLReportTests().parse(svg).count("path", "bound") == 2)
        #expect(svg.contains(">bound, in the engine&#39;s colour<"))
    }

    // MARK: - CSV

    @Test func csvCarriesTheWorkloadAndRoundTrips() throws {
        let rows = Self.rows(workload: ["api.latencyMs.fixed": "0.5", "issues.counts": "[2000]"])
        let records = try RFC4180Parser.parse(SummaryCSV.render(rows))
        #expect(records.count == rows.count + 1)
        let column = try #require(SummaryCSV.columns.firstIndex(of: "workload"))
        for (row, record) in zip(rows, records.dropFirst()) {
            #expect(record[column] == "api.latencyMs.fixed=0.5;issues.counts=[2000]")
            let field = Dictionary(uniqueKeysWithValues: zip(SummaryCSV.columns, record))
            #expect(field["engine"] == row.engine)
            #expect(Double(field["throughputMedian"] ?? "") == row.throughput.median)
            #expect(field["bound"].flatMap(Double.init) == row.bound)
        }
        #expect(try RFC4180Parser.parse(SummaryCSV.render(Fixtures.summaries))[1][column] == "")
    }
}
