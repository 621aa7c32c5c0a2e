import Measurement
import Testing
@testable import Report

@Suite struct TerminalTableTests {
    /// The lines of the table itself: up to the blank line before the notes.
    func tableLines(_ text: String) -> [Substring] {
        Array(text.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty })
    }

    @Test func everyLineOfTheComparisonTableHasTheSameWidth() {
        let lines = tableLines(ReportTable.comparison(Fixtures.summaries).terminal(useColor: false))
        #expect(lines.count == 3 + Fixtures.summaries.count)
        #expect(Set(lines.map(\.count)).count == 1)
    }

    @Test func colourDoesNotChangeTheWidthOnceEscapesAreRemoved() {
        let coloured = ReportTable.claims(Fixtures.results().claims).terminal(useColor: true)
        #expect(coloured.contains("\u{1B}[32m"))
        let plain = ReportTable.claims(Fixtures.results().claims).terminal(useColor: false)
        #expect(stripEscapes(coloured) == plain)
        #expect(Set(tableLines(plain).map(\.count)).count == 1)
    }

    @Test func rowsAreOrderedBySizeThenEngineAndNumbersAreRightAligned() {
        let lines = tableLines(ReportTable.comparison(Fixtures.summaries).terminal(useColor: false))
        let rows = lines.dropFirst(3).map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(rows == ["100 phase1", "100 phase2", "100 phase3", "1,000 phase1", "1,000 phase2", "1,000 phase3"])
        #expect(lines[3].hasPrefix("   100  phase1        96.8"))
    }

    @Test func failedRowIsCrossedAndItsReasonsFollowTheTable() {
        let text = ReportTable.comparison(Fixtures.summaries).terminal(useColor: false)
        #expect(text.hasSuffix("\n\n✗ phase2 at 1,000 issues: issue 17 delivered twice; timeout | after 120 s\n"))
        #expect(tableLines(text)[7].hasSuffix("✗       "))
    }

    /// A virtual-clock row in which no simulated time passed has no throughput to show (its record
    /// says 0 issues/s); the table says why, and what the simulation cost the host: 2,100 API
    /// calls over 0.0125 s of host time.
    @Test func virtualRowThatTookNoTimeShowsNoThroughputButRequestsPerHostSecond() {
        let row = Fixtures.summary("phase3", issues: 20_000, median: 0, bound: nil)
        let text = ReportTable.comparison([row]).terminal(useColor: false)
        let cells = tableLines(text)[3].split(separator: " ")
        #expect(Array(cells.prefix(4)) == ["20,000", "phase3", "—", "—"])
        #expect(Array(cells.suffix(4)) == ["0.250", "0.0125", "168,000", "✓"])
        #expect(text.contains("\nno throughput (—): no virtual time passed (no latency, limit or synthetic CPU in the "
                              + "workload), so on the virtual clock it is unbounded; host time and requests per "
                              + "host second say what the simulation cost\n"))
    }

    @Test func colourIsOnlyForATerminalWithoutNoColor() {
        #expect(TerminalColor.shouldUse(isTerminal: true, environment: [:]))
        #expect(!TerminalColor.shouldUse(isTerminal: false, environment: [:]))
        #expect(!TerminalColor.shouldUse(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(TerminalColor.shouldUse(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!TerminalColor.shouldUse(isTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test func withoutColourThereIsNoEscapeAnywhere() throws {
        let text = try render(Fixtures.results(build: "debug"), as: .table, useColor: false)
        #expect(!text.contains("\u{1B}"))
    }

    @Test func debugBuildIsAnnouncedFirst() throws {
        let text = try render(Fixtures.results(build: "debug"), as: .table, useColor: false)
        #expect(text.hasPrefix("*** DEBUG BUILD — figures are not performance figures ***\n"))
        let release = try render(Fixtures.results(), as: .table, useColor: false)
        #expect(!release.contains("DEBUG"))
    }

    @Test func headerNamesTheMachineAndTheScenario() throws {
        let text = try render(Fixtures.results(), as: .table, useColor: false)
        #expect(text.hasPrefix("""
            host ci-runner · CPU AMD EPYC 7B13 (x86_64) · cores 2 · memory 8.0 GiB · kernel Linux 6.1.0 · \
            Swift 6.3.1 · commit ff846b5 · build release · clock virtual

            seed — The report's phase comparison

            """))
    }

    func stripEscapes(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true } else if inEscape { inEscape = character != "m" } else { result.append(character) }
        }
        return result
    }
}
