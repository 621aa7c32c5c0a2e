import Foundation
@testable import Report
import Scenario
import Testing

/// The check's terminal table, Markdown summary and JSON.
struct CheckRenderingTests {
    private typealias Row = CheckFixtures.Row

    /// phase1 unchanged, phase3 10 % slower at 1,000 issues, phase2 failing verification, one
    /// threshold met and one failed; all on the virtual clock, so every figure is exact.
    static func report() throws -> CheckReport {
        let baseline = [Row(engine: "phase1", issues: 1_000, throughput: [100], p99LatencyMs: [40]),
                        Row(engine: "phase2", issues: 1_000, throughput: [300], p99LatencyMs: [20]),
                        Row(engine: "phase3", issues: 1_000, throughput: [1_000], p99LatencyMs: [10])]
        var current = baseline
        current[1].failures = ["issue 17 delivered twice"]
        current[2].throughput = [900]
        current[2].p99LatencyMs = [10.2]
        return try RegressionCheck(options: CheckOptions(metrics: [.throughput, .p99LatencyMs])).compare(
            baseline: CheckFixtures.results(baseline, clock: "virtual"),
            current: CheckFixtures.results(current, clock: "virtual"),
            thresholds: ["gate": [try #require(Threshold(parsing: "phase3.throughput >= 800")),
                                  try #require(Threshold(parsing: "phase3.p99LatencyMs < 10"))]])
    }

    @Test func markdownNamesEveryFailureAndMarksEveryFigure() throws {
        #expect(try Self.report().markdown() == """
            ## issuebench check: ❌ 2 regressions, 1 failed threshold in 3 rows; 1 of 2 thresholds met

            Figures on the virtual clock are deterministic and compared exactly with their threshold; figures \
            measured on the host regress only when the change exceeds the threshold and a two-sided Mann–Whitney U \
            test finds it significant at α = 0.01.

            **Regressions**

            - ❌ gate · phase2 · 1,000 issues: failed verification: issue 17 delivered twice
            - ❌ gate · phase3 · 1,000 issues: throughput 1,000 → 900 issues/s (−10.0 %, threshold 5 %)
            - ❌ gate: phase3.p99LatencyMs < 10 failed at 1,000 issues: measured 10.2

            ### gate

            | status | size (issues) | engine | metric | baseline → current | change | threshold | p-value | effect | notes |
            | :--- | ---: | :--- | :--- | ---: | ---: | ---: | ---: | ---: | :--- |
            | ✅ pass | 1,000 | phase1 | throughput (issues/s) | 100 → 100 | ±0.0 % | 5 % | exact | — |  |
            | ✅ pass | 1,000 | phase1 | p99LatencyMs (ms) | 40.0 → 40.0 | ±0.0 % | 5 % | exact | — |  |
            | ❌ regression | 1,000 | phase2 | verified | ✓ → ✗ |  |  |  |  |  |
            | ✅ pass | 1,000 | phase2 | throughput (issues/s) | 300 → 300 | ±0.0 % | 5 % | exact | — |  |
            | ✅ pass | 1,000 | phase2 | p99LatencyMs (ms) | 20.0 → 20.0 | ±0.0 % | 5 % | exact | — |  |
            | ❌ regression | 1,000 | phase3 | throughput (issues/s) | 1,000 → 900 | −10.0 % | 5 % | exact | — |  |
            | ✅ pass | 1,000 | phase3 | p99LatencyMs (ms) | 10.0 → 10.2 | +2.0 % | 5 % | exact | — |  |

            - ❌ phase2 at 1,000 issues: failed verification: issue 17 delivered twice

            ### Thresholds

            | status | scenario | threshold | size (issues) | measured | problem |
            | :--- | :--- | :--- | ---: | ---: | :--- |
            | ✅ met | gate | phase3.throughput >= 800 | 1,000 | 900 |  |
            | ❌ failed | gate | phase3.p99LatencyMs < 10 | 1,000 | 10.2 |  |

            """)
    }

    @Test func markdownOfAWallClockFigureShowsPValueEffectAndNotes() throws {
        let baseline = Row(throughput: [1_000, 1_010, 990, 1_005, 995])
        let report = try RegressionCheck(options: CheckOptions(metrics: [.throughput])).compare(
            baseline: CheckFixtures.results([baseline]),
            current: CheckFixtures.results([Row(throughput: baseline.throughput.map { $0 * 0.9 })], machine: CheckFixtures.otherMachine))
        let markdown = report.markdown()
        #expect(markdown.hasPrefix("## issuebench check: ❌ 1 regression in 1 row\n"))
        #expect(markdown.contains("""
            - ❌ gate · phase3 · 1,000 issues: throughput 1,000 → 900 issues/s (−10.0 %, p = 0.00794, threshold 5 %)
            """))
        #expect(markdown.contains("""
            **Warnings**

            - ⚠️ the baseline was measured on ci-runner (AMD EPYC 7B13), the current results on laptop (Apple M2): \
            figures measured on the host are not comparable across machines
            """))
        #expect(markdown.contains("""
            | ❌ regression | 1,000 | phase3 | throughput (issues/s) | 1,000 → 900 | −10.0 % | 5 % | 0.00794 | -1.00 | \
            measured on another machine or build |
            """))
    }

    @Test func terminalTableLinesUpWithOrWithoutColour() throws {
        let report = try Self.report()
        let plain = report.terminal(useColor: false)
        #expect(plain.hasPrefix("issuebench check: ✗ 2 regressions, 1 failed threshold in 3 rows; 1 of 2 thresholds met "
            + "(α = 0.01)\n"))
        #expect(plain.contains("  ✗ gate · phase3 · 1,000 issues: throughput 1,000 → 900 issues/s (−10.0 %, threshold 5 %)\n"))
        #expect(plain.contains("✗ regression   1,000  phase3  throughput (issues/s)         1,000 → 900  −10.0 %"))
        let table = plain.components(separatedBy: "\n\n").first { $0.hasPrefix("gate\n") }!
        let widths = Set(table.split(separator: "\n").dropFirst().map(\.count))
        #expect(widths.count == 1, "every line of the table has the same width")
        let colored = report.terminal(useColor: true)
        #expect(colored.contains("\u{1B}[31m✗ regression\u{1B}[0m"))
        #expect(colored.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == plain)
    }

    @Test func jsonRoundTripsAndCarriesTheVerdict() throws {
        let report = try Self.report()
        let data = try report.jsonData()
        #expect(try JSONDecoder().decode(CheckReport.self, from: data) == report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["passed"] as? Bool == false)
        #expect(object["status"] as? String == "regression")
        #expect(try report.rendered(as: .json, useColor: false) == String(decoding: data, as: UTF8.self) + "\n")
    }

    @Test func csvHasARecordPerFigureAndForRowsWithoutFigures() throws {
        let report = try RegressionCheck(options: CheckOptions(metrics: [.throughput])).compare(
            baseline: CheckFixtures.results([Row(engine: "phase1", throughput: [100]), Row(throughput: [1_000])], clock: "virtual"),
            current: CheckFixtures.results([Row(engine: "phase1", throughput: [], failures: ["crashed"]),
                                            Row(throughput: [900])], clock: "virtual"))
        #expect(report.csv() == [
            CheckReport.csvColumns.joined(separator: ","),
            "gate,phase1,1000,maxConnections=20,virtual,false,regression,,,,,,,,,,failed verification: crashed; "
                + "no passing repetition in the current results: no figures to compare",
            "gate,phase3,1000,maxConnections=20,virtual,true,regression,throughput,1000.0,900.0,-10.0,5.0,exact,,,regression,",
        ].map { $0 + "\r\n" }.joined())
    }
}
