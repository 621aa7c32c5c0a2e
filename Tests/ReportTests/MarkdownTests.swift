import Testing
@testable import Report

@Suite struct MarkdownTests {
    /// Cells of a Markdown table line, splitting on pipes that are not escaped.
    func cells(_ line: Substring) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst().dropLast() {
            if escaped { current.append(character); escaped = false; continue }
            switch character {
            case "\\": escaped = true; current.append(character)
            case "|": cells.append(current); current = ""
            default: current.append(character)
            }
        }
        return cells + [current]
    }

    @Test func headerSeparatorAndRowsHaveTheSameNumberOfCells() {
        let comparison = ReportTable.comparison(Fixtures.summaries)
        let lines = comparison.markdown().split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(lines.count == 2 + Fixtures.summaries.count)
        #expect(Set(lines.map { cells($0).count }) == [comparison.columns.count])
        #expect(lines[1].hasPrefix("| ---: | :--- | ---: |"))
    }

    @Test func pipesInCellsAreEscaped() {
        let table = ReportTable(columns: [.init("a|b", .left)], rows: [[.init("x|y")], [.init("two\nlines")]])
        #expect(table.markdown() == "| a\\|b |\n| :--- |\n| x\\|y |\n| two lines |\n")
    }

    @Test func documentCarriesTitleCommandEnvironmentTablesClaimsAndFailures() throws {
        let text = try render(Fixtures.results(build: "debug"), as: .markdown, useColor: true)
        #expect(text.hasPrefix("""
            # issuebench results: seed

            > **⚠ DEBUG BUILD — figures are not performance figures.**

            Run at 2025-01-02T03:04:05Z with:

            ```sh
            issuebench run Scenarios/seed.json --set phase2.maxConcurrency=16 --format json
            ```

            **Environment:** host ci-runner ·
            """))
        #expect(text.contains("\n## seed\n\nThe report's phase comparison\n\n| size (issues) | engine | throughput (issues/s) |"))
        #expect(text.contains("\n- ✗ phase2 at 1,000 issues: issue 17 delivered twice; timeout \\| after 120 s\n"))
        #expect(text.contains("\n## Claims\n\n| engine | size (issues) | metric | claimed |"))
        #expect(text.contains("| phase3 | 100 | throughput (issues/s) | 846.1 | 846 | 1,000 | reproduced | Phase 3 report |"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test func commandArgumentsAreQuotedForTheShell() {
        #expect(ShellQuoting.command(["run", "a b", "it's", "", "x=1"]) == "run 'a b' 'it'\\''s' '' x=1")
    }
}
